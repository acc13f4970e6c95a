-- An event handler (run as a process) that swallows errors in a loop.
-- expect: exit=3 stderr~"instruction budget"
sim.on("tick", function()
  while true do pcall(error, "again") end
end)
sim.process(function() sim.emit("tick", {}) end)
