-- A finaliser: Lua runs __gc with hooks off, so it could loop unstopped.
-- expect: exit=1 stderr~"35-gc-finaliser.lua:3:" stderr~"__gc and __close are not available"
setmetatable({}, { __gc = function() while true do end end })
