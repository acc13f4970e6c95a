-- A module name that climbs out of the scenario folder.
-- expect: exit=1 stderr~"06-require-path-escape.lua:3:" stderr~"is not a module name"
require("../../../etc/passwd")
