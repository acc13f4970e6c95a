-- A huge format width.
-- expect: exit=1 stderr~"43-string-format-width.lua:3:" stderr~"invalid conversion"
local s = string.format("%999999999d", 1)
