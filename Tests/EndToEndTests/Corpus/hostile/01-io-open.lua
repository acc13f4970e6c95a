-- Reading a file through the io library.
-- expect: exit=1 stderr~"01-io-open.lua:3:" stderr~"'io' is not available"
local f = io.open("/etc/passwd")
print(f:read("a"))
