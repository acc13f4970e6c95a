-- Reading the registry (the real globals) through debug.
-- expect: exit=1 stderr~"09-debug-registry.lua:3:" stderr~"'debug' is not available"
local registry = debug.getregistry()
