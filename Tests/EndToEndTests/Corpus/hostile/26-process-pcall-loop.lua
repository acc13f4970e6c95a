-- A simulation process that catches its own kill and carries on.
-- expect: exit=3 stderr~"26-process-pcall-loop.lua:5: instruction budget"
sim.process(function()
  while true do
    pcall(function() while true do end end)
  end
end)
