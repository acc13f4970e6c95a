/// The Lua half of the `sim` API, loaded before every scenario.
///
/// What is easier in Lua lives here: argument sugar and handles with
/// methods. Host functions that wait (`sim.wait`, `resource:request`, ...)
/// are bound directly: the host queues the process and the bridge yields it
/// after the Swift frames have returned. The hot ones are handle methods
/// themselves, with no Lua function in between.
enum Prelude {
  static let text = #"""
    local H = ...
    local type, setmetatable, tostring, select, error = type, setmetatable, tostring, select, error
    local huge = math.huge
    local tconcat = table.concat

    local raise = H.raise

    local function check_time(what, dt)
      if type(dt) ~= "number" or dt ~= dt or dt < 0 or dt == huge then
        raise("bad argument #1 to '" .. what .. "' (finite non-negative number of seconds expected, got "
          .. (type(dt) == "number" and tostring(dt) or type(dt)) .. ")")
      end
    end

    -- A handle (resource, stream) holds its methods itself as well as
    -- through its metatable: a method call then finds its function in the
    -- handle, where the VM looks first, instead of missing there and
    -- looking up __index and the methods table on every call.
    local function with_methods(handle, methods)
      for k, v in next, methods do
        if k ~= "__index" then handle[k] = v end
      end
      return setmetatable(handle, methods)
    end

    local function check_function(what, n, fn)
      if type(fn) ~= "function" then
        raise("bad argument #" .. n .. " to '" .. what .. "' (function expected, got " .. type(fn) .. ")")
      end
    end

    local sim = {}

    -- Time -------------------------------------------------------------------
    sim.now = H.now

    sim.wait = H.wait

    -- Processes ----------------------------------------------------------------
    -- Handles carry the process id (handle.pid) and have these methods; the
    -- host makes them (light userdata: starting a process allocates nothing).
    local Process = {}
    function Process:cancel() return H.cancel(self.pid) end
    function Process:alive() return H.alive(self.pid) end
    function Process:join() return H.join(self.pid) end

    local spawn = H.spawn
    sim.process = H.process
    sim.after = spawn

    function sim.at(t, fn, ...)
      if type(t) ~= "number" or t ~= t or t < H.now() or t == huge then
        raise("bad argument #1 to 'sim.at' (a time not before sim.now() expected)")
      end
      check_function("sim.at", 2, fn)
      return spawn(t - H.now(), fn, ...)
    end

    function sim.every(dt, fn, ...)
      check_time("sim.every", dt)
      if dt <= 0 then raise("bad argument #1 to 'sim.every' (positive interval expected)") end
      check_function("sim.every", 2, fn)
      local n, args = select("#", ...), { ... }
      return spawn(0, function()
        while true do
          sim.wait(dt)
          spawn(0, fn, table.unpack(args, 1, n))
        end
      end)
    end

    -- Events -------------------------------------------------------------------
    sim.on = H.on
    sim.emit = H.emit
    sim.stop = H.stop

    sim.wait_for = H.wait_for

    -- Parameters, randomness, results -----------------------------------------
    sim.param = H.param
    sim.metric = H.metric
    sim.objective = H.objective
    sim.inject = H.inject

    function sim.log(...)
      local parts = {}
      for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
      H.log(tconcat(parts, " "))
    end

    local Stream = {
      uniform = H.uniform, exponential = H.exponential, normal = H.normal,
      lognormal = H.lognormal, weibull = H.weibull, gamma = H.gamma, integer = H.integer,
    }
    Stream.__index = Stream
    function Stream:choice(list)
      if type(list) ~= "table" or #list == 0 then
        raise("bad argument #1 to 'choice' (non-empty list expected)")
      end
      return list[H.integer(self, 1, #list)]
    end

    local streams = {}
    -- A stream keeps its host id at [1], where the host reads it without
    -- hashing a key.
    function sim.rng(name)
      if type(name) ~= "string" or name == "" then
        raise("bad argument #1 to 'sim.rng' (stream name expected, got " .. type(name) .. ")")
      end
      local s = streams[name]
      if not s then
        s = with_methods({ H.rng(name), name = name }, Stream)
        streams[name] = s
      end
      return s
    end

    -- Resources ----------------------------------------------------------------
    -- Host functions are the methods: a resource keeps its host id at [1],
    -- where the host reads it without hashing a key.
    local Resource = {
      request = H.request, release = H.release, in_use = H.in_use, queue_length = H.queue_length,
    }
    Resource.__index = Resource

    function sim.resource(spec)
      local id = H.resource(spec)
      return with_methods({ id, id = id, name = spec.name, capacity = spec.capacity }, Resource)
    end

    local Container = {}
    Container.__index = Container
    function Container:put(amount) return H.container_put(self.id, amount) end
    function Container:get(amount) return H.container_get(self.id, amount) end
    function Container:level() return H.container_level(self.id) end

    function sim.container(spec)
      return setmetatable({ id = H.container(spec), name = spec.name }, Container)
    end

    local Store = {}
    Store.__index = Store
    function Store:put(item) return H.store_put(self.id, item) end
    function Store:get(filter) return H.store_get(self.id, filter) end
    function Store:size() return H.store_size(self.id) end

    function sim.store(spec)
      return setmetatable({ id = H.store(spec), name = spec.name }, Store)
    end

    -- The map ------------------------------------------------------------------
    sim.map = {
      info = H.map_info, zones = H.map_zones, facilities = H.map_facilities,
      route = H.map_route, travel_time = H.map_travel_time,
      close_link = H.map_close_link, open_link = H.map_open_link, is_closed = H.map_is_closed,
      links_near = H.map_links_near, nearest_node = H.map_nearest_node,
      elevation = H.map_elevation,
    }

    -- Evacuation -----------------------------------------------------------------
    sim.evacuate = H.evacuate
    sim.evacuation = { status = H.evacuation_status, all_clear = H.evacuation_all_clear }
    sim.shelter = { close = H.shelter_close, status = H.shelter_status }
    sim.warn = H.warn
    sim.population = H.population
    sim.warning = {
      channel = function(name, spec) return H.warning_channel(spec or {}, name) end,
      call_and_answer = H.warning_call_and_answer,
    }

    -- Hazards ------------------------------------------------------------------
    sim.flood = {
      fill = H.flood_fill, rain = H.flood_rain, inflow = H.flood_inflow,
      depth_at = H.flood_depth_at, volume = H.flood_volume, step = H.flood_step,
      thresholds = H.flood_thresholds, speed_at = H.flood_speed_at, edges = H.flood_edges,
      scheme = H.flood_scheme,
    }
    local Breach = {}
    Breach.__index = Breach
    function Breach:outflow() return H.flood_breach_outflow(self.id) end
    function Breach:width() return H.flood_breach_width(self.id) end
    function Breach:level() return H.flood_breach_level(self.id) end
    function Breach:released() return H.flood_breach_released(self.id) end
    function sim.flood.breach(spec)
      return setmetatable({ id = H.flood_breach(spec) }, Breach)
    end
    sim.fire = {
      moisture = H.fire_moisture, wind = H.fire_wind, ignite = H.fire_ignite,
      arrival_at = H.fire_arrival_at, burned_area = H.fire_burned_area,
      thresholds = H.fire_thresholds, structure = H.fire_structure,
    }
    sim.ground = { slope = H.ground_slope, rain = H.ground_rain }
    sim.outage = { cut = H.outage_cut, restore = H.outage_restore, status = H.outage_status }

    \#(LuaScenario.responsePrelude)
    \#(LuaScenario.supplyPrelude)
    -- Globals --------------------------------------------------------------------
    local function unit(factor, name)
      return function(n)
        if type(n) ~= "number" then
          raise("bad argument #1 to '" .. name .. "' (number expected, got " .. type(n) .. ")")
        end
        return n * factor
      end
    end

    local globals = {
      scenario = H.scenario,
      seconds = unit(1, "seconds"), minutes = unit(60, "minutes"),
      hours = unit(3600, "hours"), days = unit(86400, "days"),
    }

    -- `sim` is read directly, not through a read-only proxy: a proxy put a
    -- metamethod lookup on every `sim.x` (a fifteenth of an M/M/3 customer's
    -- cost) and protected nothing, since a script can rebind the global
    -- `sim` itself. Replacing a field (to wrap `sim.wait`, say) affects only
    -- the scenario's own code; new fields are refused, so a misspelt
    -- assignment is an error instead of a silent no-op.
    setmetatable(sim, {
      __newindex = function(_, key)
        error("sim has no field '" .. tostring(key) .. "' (scenarios cannot add to sim)", 2)
      end,
      __metatable = false,
    })

    return sim, globals, Process
    """#
}
