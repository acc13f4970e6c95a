-- table.concat of a list that keeps growing by its own concatenation, in C.
-- expect: exit=3 stderr~"44-concat-bomb.lua:6: memory cap"
local parts = {}
for i = 1, 8 do parts[i] = string.rep("y", 1 << 20) end
while true do
  parts[#parts + 1] = table.concat(parts)
end
