-- Loading a chunk with an environment of its own to get the real globals back.
-- expect: exit=1 stderr~"'io' is not available"
local f = load("return io", "x", "t", _G)
local io = f()
io.open("/etc/passwd")
