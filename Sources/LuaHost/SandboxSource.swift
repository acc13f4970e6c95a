/// The Lua half of the sandbox, run once per state with the full library
/// before any script: it builds the environment scripts see.
///
/// Allow-list, Redis style: scripts get `base` (without dofile, loadfile,
/// binary load, and collectgarbage beyond "count"), `table`, `string`
/// (without dump), `math` (random from the host), `utf8`; libraries are
/// read-only proxies; `pairs` visits keys in a fixed order, because Lua 5.4
/// seeds its string hash per process and raw `pairs` order would leak into
/// schedules and outputs.
enum SandboxSource {
  static let chunkName = "=[drillsim]"

  static let text = #"""
    local host = ...
    local type, error, tostring, select = type, error, tostring, select
    local next, rawget, rawset, rawequal, rawlen = next, rawget, rawset, rawequal, rawlen
    local setmetatable, getmetatable, pcall = setmetatable, getmetatable, pcall
    local tsort, tconcat = table.sort, table.concat
    local raw_load = load

    local real_of = setmetatable({}, { __mode = "k" })   -- proxy -> library

    local function readonly(name, real)
      local proxy = {}
      real_of[proxy] = real
      return setmetatable(proxy, {
        __index = real,
        __newindex = function(_, key)
          error("attempt to modify read-only table '" .. name .. "' (field '"
            .. tostring(key) .. "')", 2)
        end,
        __len = function() return #real end,
        __metatable = false,
      })
    end

    local function copy(t, drop)
      local out = {}
      for k, v in next, t do
        if not (drop and drop[k]) then out[k] = v end
      end
      return out
    end

    -- Deterministic pairs: numbers, then strings, then booleans, ascending.
    local rank = { number = 1, string = 2, boolean = 3 }
    local function key_less(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return rank[ta] < rank[tb] end
      if ta == "boolean" then return (not a) and b end
      return a < b
    end

    local function sorted_pairs(t)
      if type(t) ~= "table" then
        error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
      end
      local real = real_of[t] or t
      local keys, n = {}, 0
      for k in next, real do
        if not rank[type(k)] then
          error("pairs: a key of type " .. type(k) .. " has no reproducible order;"
            .. " keep such values in an array and use ipairs", 2)
        end
        n = n + 1
        keys[n] = k
      end
      tsort(keys, key_less)
      local i = 0
      return function()
        while i < n do
          i = i + 1
          local k = keys[i]
          local v = rawget(real, k)
          if v ~= nil then return k, v end
        end
        return nil
      end, t, nil
    end

    local function safe_rawset(t, k, v)
      if real_of[t] then
        error("attempt to modify read-only table (field '" .. tostring(k) .. "')", 2)
      end
      return rawset(t, k, v)
    end

    -- Lua runs finalisers (__gc) with debug hooks off, and a __close that a
    -- killed process leaves runs when the host resets the thread, also
    -- without hooks: the instruction budget could not stop either.
    local function safe_setmetatable(t, mt)
      if type(mt) == "table" and (rawget(mt, "__gc") ~= nil or rawget(mt, "__close") ~= nil) then
        error("setmetatable: __gc and __close are not available in a drillsim scenario"
          .. " (they run where the instruction budget cannot stop them)", 2)
      end
      return setmetatable(t, mt)
    end

    -- An error raised by the budget kill reaches xpcall's handler while
    -- hooks are off, so a looping handler would never be stopped: once a
    -- limit is hit, the handler is skipped and the kill goes on.
    local raw_xpcall, limit_hit = xpcall, host.limit_hit
    local function safe_xpcall(f, handler, ...)
      if type(handler) ~= "function" then
        error("bad argument #2 to 'xpcall' (function expected, got " .. type(handler) .. ")", 2)
      end
      return raw_xpcall(f, function(message)
        if limit_hit() then return message end
        return handler(message)
      end, ...)
    end

    local function safe_collectgarbage(opt)
      if opt == "count" then return collectgarbage("count") end
      error("collectgarbage: only \"count\" is available in a scenario", 2)
    end

    local function print(...)
      local parts = {}
      for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
      host.print(tconcat(parts, "\t"))
    end

    string.dump = function()
      error("string.dump is not available in a drillsim scenario (binary chunks are refused)", 2)
    end
    local math_lib = copy(math)
    math_lib.random = host.random
    math_lib.randomseed = function()
      error("math.randomseed is disabled: math.random draws from the run's seeded"
        .. " stream (set it with --seed); use sim.rng(name) for streams of your own", 2)
    end

    local env = {}
    local loaded = {}

    local function safe_load(chunk, chunkname, mode, chunk_env)
      if mode ~= nil and mode ~= "t" then
        error("load: only text chunks are allowed (mode 't')", 2)
      end
      if chunk_env == nil then chunk_env = env end
      return raw_load(chunk, chunkname, "t", chunk_env)
    end

    local function valid_module_name(name)
      if type(name) ~= "string" or name == "" then return false end
      for part in (name .. "."):gmatch("(.-)%.") do
        if not part:match("^[%a_][%w_]*$") then return false end
      end
      return true
    end

    local function require(name)
      if not valid_module_name(name) then
        error("require: '" .. tostring(name) .. "' is not a module name like 'lib.util'", 2)
      end
      local value = loaded[name]
      if value ~= nil then return value end
      local chunk = host.load_module(name)
      value = chunk(name)
      if value == nil then value = true end
      loaded[name] = value
      return value
    end

    local builtins = {
      assert = assert, error = error, getmetatable = getmetatable, ipairs = ipairs,
      next = next, pairs = sorted_pairs, pcall = pcall, print = print,
      rawequal = rawequal, rawget = rawget, rawlen = rawlen, rawset = safe_rawset,
      select = select, setmetatable = safe_setmetatable, tonumber = tonumber,
      tostring = tostring, type = type, xpcall = safe_xpcall, _VERSION = _VERSION,
      load = safe_load, collectgarbage = safe_collectgarbage, require = require,
      table = readonly("table", copy(table)),
      string = readonly("string", string),
      math = readonly("math", math_lib),
      utf8 = readonly("utf8", copy(utf8)),
    }

    local denied = {
      io = "scenarios cannot open files",
      os = "scenarios cannot reach the operating system or the wall clock",
      debug = "the debug library would break the sandbox",
      package = "use require(name) for Lua files beside the scenario",
      dofile = "use require(name) for Lua files beside the scenario",
      loadfile = "use require(name) for Lua files beside the scenario",
      coroutine = "use sim.process(fn) and sim.wait(dt); the simulator schedules processes",
    }

    setmetatable(builtins, {
      __index = function(_, key)
        local why = denied[key]
        if why then error("'" .. key .. "' is not available in a drillsim scenario: " .. why, 2) end
        return nil
      end,
      __metatable = false,
    })

    env._G = env
    setmetatable(env, {
      __index = builtins,
      __newindex = function(t, key, value)
        if rawget(builtins, key) ~= nil then
          error("cannot replace the built-in '" .. tostring(key) .. "'", 2)
        end
        rawset(t, key, value)
      end,
      __metatable = false,
    })

    return env
    """#
}
