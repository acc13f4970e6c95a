-- One string.rep asking for a gigabyte (C code: no instruction count helps).
-- expect: exit=3 stderr~"30-string-rep-bomb.lua:3: memory cap"
local s = string.rep("x", 1 << 30)
