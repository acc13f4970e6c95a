-- A coroutine of the script's own, to catch the budget kill in resume.
-- expect: exit=1 stderr~"'coroutine' is not available"
local co = coroutine.create(function() while true do end end)
while true do coroutine.resume(co) end
