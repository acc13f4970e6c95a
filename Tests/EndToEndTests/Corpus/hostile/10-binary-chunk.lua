-- A precompiled chunk: crafted bytecode can crash the interpreter.
-- expect: exit=1 stderr~"binary"
assert(load(string.char(27) .. "LuaT\0" .. string.rep("\0", 64)))()
