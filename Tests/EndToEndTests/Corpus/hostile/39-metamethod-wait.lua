-- Waiting inside a __lt metamethod called from table.sort.
-- expect: exit=1 stderr~"39-metamethod-wait.lua:3:" stderr~"cannot pause here"
local mt = { __lt = function(a, b) sim.wait(1) return a.v < b.v end }
sim.process(function()
  table.sort({ setmetatable({ v = 2 }, mt), setmetatable({ v = 1 }, mt) })
end)
