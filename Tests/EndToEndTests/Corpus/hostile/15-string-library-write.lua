-- Replacing a library function.
-- expect: exit=1 stderr~"15-string-library-write.lua:3:" stderr~"read-only table 'string'"
string.format = function() return "owned" end
