-- Adding to the host API (a misspelt replacement).
-- expect: exit=1 stderr~"21-sim-table-write.lua:3:" stderr~"sim has no field 'nwo'"
sim.nwo = function() return 0 end
