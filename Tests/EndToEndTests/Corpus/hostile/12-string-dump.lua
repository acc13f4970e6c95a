-- Dumping a function to bytecode.
-- expect: exit=1 stderr~"12-string-dump.lua:3:" stderr~"string.dump is not available"
local code = string.dump(function() return 1 end)
