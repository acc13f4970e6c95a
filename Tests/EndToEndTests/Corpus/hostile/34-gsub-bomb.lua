-- gsub multiplying a string in C until memory runs out.
-- expect: exit=3 stderr~"34-gsub-bomb.lua:5: memory cap"
-- args: --max-instructions 100000000000
local s = string.rep("x", 1 << 20)
while true do s = s:gsub(".", "%0%0") end
