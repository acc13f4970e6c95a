-- Reaching the string metatable to replace string methods.
-- expect: exit=1 stderr~"17-string-metatable.lua:4:"
local mt = getmetatable("")
mt.__index = { rep = function() return "owned" end }
