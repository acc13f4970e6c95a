-- Loading a C module through require.
-- expect: exit=1 stderr~"module 'socket' not found"
require("socket")
