-- An error handler that loops: the kill must get through the handler too.
-- expect: exit=3 stderr~"instruction budget"
while true do
  xpcall(function() while true do end end, function() while true do end end)
end
