-- A one-quantifier pattern, quadratic on a long subject.
-- expect: exit=3 stderr~"33-pattern-quadratic.lua:4: instruction budget"
local subject = string.rep("a", 1000000)
local found = subject:find(".-b")
