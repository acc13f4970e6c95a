-- A pattern that backtracks exponentially inside C (no count hook fires there).
-- expect: exit=3 stderr~"32-pattern-backtracking.lua:4: instruction budget"
local subject = string.rep("a", 40)
local found = subject:find(string.rep("a*", 40) .. "b")
