-- Writing a library table around its __newindex.
-- expect: exit=1 stderr~"16-rawset-library.lua:3:" stderr~"read-only table"
rawset(math, "floor", function() return 0 end)
