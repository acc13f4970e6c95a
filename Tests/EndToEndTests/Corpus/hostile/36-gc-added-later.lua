-- A __gc added after setmetatable is never called (Lua marks finalisers
-- only in setmetatable), so the loop in it never runs.
-- expect: exit=1 stderr~"36-gc-added-later.lua:9: no finaliser ran"
local mt = {}
setmetatable({}, mt)
mt.__gc = function() while true do end end
local t = {}
for i = 1, 200000 do t[i % 100 + 1] = { i } end
error("no finaliser ran")
