-- An xpcall handler that raises, inside a loop around a budget kill.
-- expect: exit=3 stderr~"47-xpcall-handler-error.lua:4: instruction budget"
while true do
  xpcall(function() while true do end end, function(m) error(m) end)
end
