-- Waiting inside a table.sort comparator: a yield across a C boundary.
-- expect: exit=1 stderr~"37-sort-comparator-wait.lua:5:" stderr~"sim.wait cannot pause here"
sim.process(function()
  local list = { 3, 1, 2 }
  table.sort(list, function(a, b) sim.wait(1) return a < b end)
end)
