-- A plain endless loop.
-- expect: exit=3 stderr~"25-endless-loop.lua:4: instruction budget"
local x = 0
while true do x = x + 1 end
