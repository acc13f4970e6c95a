-- A __gc hidden behind __index: Lua looks finalisers up raw, so none runs.
-- expect: exit=1 stderr~"46-gc-via-index.lua:7: still running"
local hidden = setmetatable({}, { __index = { __gc = function() while true do end end } })
setmetatable({}, hidden)
local t = {}
for i = 1, 200000 do t[i % 100 + 1] = { i } end
error("still running")
