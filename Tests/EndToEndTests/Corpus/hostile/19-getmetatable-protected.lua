-- Reading and editing the metatable of a protected table.
-- expect: exit=1 stderr~"19-getmetatable-protected.lua:4:"
local mt = getmetatable(math)
mt.__newindex = nil
