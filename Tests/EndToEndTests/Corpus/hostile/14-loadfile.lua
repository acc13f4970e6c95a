-- Loading a file from anywhere.
-- expect: exit=1 stderr~"'loadfile' is not available"
local f = loadfile("/etc/passwd")
