-- A table that grows until memory runs out.
-- expect: exit=3 stderr~"29-huge-table.lua:4: memory cap"
local t = {}
while true do t[#t + 1] = {} end
