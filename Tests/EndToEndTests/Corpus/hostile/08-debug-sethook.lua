-- Removing the count hook through the debug library.
-- expect: exit=1 stderr~"'debug' is not available"
debug.sethook()
while true do end
