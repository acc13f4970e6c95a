-- A pcall loop around an endless loop, to swallow the budget kill.
-- expect: exit=3 stderr~"23-pcall-loop.lua:3: instruction budget"
while true do pcall(function() while true do end end) end
