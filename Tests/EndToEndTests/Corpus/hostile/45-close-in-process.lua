-- A to-be-closed variable in a killed process: its __close would run when
-- the host resets the thread, with hooks off.
-- expect: exit=1 stderr~"45-close-in-process.lua:5:" stderr~"__gc and __close are not available"
sim.process(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end)
