-- Replacing the metatable of a protected library table.
-- expect: exit=1 stderr~"18-setmetatable-library.lua:3:" stderr~"protected metatable"
setmetatable(string, { __index = function() return "owned" end })
