-- Unbounded recursion: a stack overflow, not a crash.
-- expect: exit=1 stderr~"28-deep-recursion.lua:3:" stderr~"stack overflow"
local function down(n) return 1 + down(n + 1) end
down(1)
