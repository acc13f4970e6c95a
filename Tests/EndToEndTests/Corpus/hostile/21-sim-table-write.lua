-- Replacing part of the host API.
-- expect: exit=1 stderr~"21-sim-table-write.lua:3:" stderr~"read-only"
sim.now = function() return 0 end
