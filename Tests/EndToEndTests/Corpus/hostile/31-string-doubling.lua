-- Doubling a string until memory runs out.
-- expect: exit=3 stderr~"31-string-doubling.lua:4: memory cap"
local s = "x"
while true do s = s .. s end
