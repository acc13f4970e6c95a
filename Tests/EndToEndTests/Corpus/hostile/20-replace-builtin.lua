-- Replacing a built-in such as pairs (its order is what keeps runs reproducible).
-- expect: exit=1 stderr~"20-replace-builtin.lua:3:" stderr~"cannot replace the built-in 'pairs'"
pairs = next
