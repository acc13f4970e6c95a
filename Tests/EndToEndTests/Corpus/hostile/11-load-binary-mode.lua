-- Asking load for binary mode explicitly.
-- expect: exit=1 stderr~"11-load-binary-mode.lua:3:" stderr~"only text chunks"
local f = load("return 1", "x", "b")
