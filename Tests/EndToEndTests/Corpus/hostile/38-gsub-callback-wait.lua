-- Waiting inside a gsub callback: another yield across a C boundary.
-- expect: exit=1 stderr~"38-gsub-callback-wait.lua:4:" stderr~"cannot pause here"
sim.process(function()
  local s = ("abc"):gsub(".", function(c) sim.wait(1) return c end)
end)
