-- The default scenario: a night-time levee warning for two villages.
--
-- A placeholder that later capabilities grow into the township default (real
-- map, flood raster, road network). It already exercises the whole chain a
-- drill checks: the township issues a warning, each village's grid
-- responsible person (网格员) must answer it (叫应), households mobilise after
-- a lognormal pre-movement time, walk to the school shelter and pass its
-- gate. Everything here is the core API; distances are straight-line walks.

scenario { name = "default", seed = 1, duration = hours(3),
           start = "2026-07-21T02:00:00+08:00",
           description = "Levee warning at night: 叫应, mobilisation, shelter" }

local warning_delay = sim.param("warning_delay", { default = 300, min = 0, max = 3600,
  doc = "seconds from the levee alarm to the township's warning" })
local compliance = sim.param("compliance", { default = 0.9, min = 0, max = 1,
  doc = "share of households that leave when warned" })
local gate_lanes = sim.param("gate_lanes", { default = 2, min = 1, max = 8,
  doc = "people the shelter gate registers at once" })

-- Villages: households, walking distance to the shelter (m), walking speed.
local villages = {
  { id = "lowland",   households = 120, distance = 1400, speed = 1.1, ack_median = 240 },
  { id = "riverbend", households = 80,  distance = 2300, speed = 1.2, ack_median = 420 },
}

local gate = sim.resource { name = "shelter_gate", capacity = gate_lanes }
local premove = sim.rng("premovement")
local ack = sim.rng("acknowledgement")
local comply = sim.rng("compliance")
local walk = sim.rng("walking")

local expected, arrived, arrivals = 0, 0, {}
local arrived_by_village = {}

local function household(village)
  -- Pre-movement: lognormal, median 10 min (NIST TN 1822 form).
  sim.wait(premove:lognormal(math.log(600), 0.6))
  sim.wait(village.distance / (village.speed * walk:uniform(0.8, 1.2)))
  gate:request()
  sim.wait(20)                     -- registration against the roster
  gate:release()
  arrived = arrived + 1
  arrivals[#arrivals + 1] = sim.now()
  arrived_by_village[village.id] = (arrived_by_village[village.id] or 0) + 1
  if arrived_by_village[village.id] == village.leaving then
    sim.metric("evacuation." .. village.id .. ".t100_s", sim.now())
  end
end

sim.on("warning", function(w)
  for _, village in ipairs(villages) do
    sim.process(function()
      -- The grid responsible person answers the call (叫应) after a delay.
      local delay = ack:lognormal(math.log(village.ack_median), 0.5)
      sim.wait(delay)
      sim.metric("warning." .. village.id .. ".ack_s", sim.now() - w.at)
      sim.emit("acknowledged", { village = village.id, after_s = sim.now() - w.at })
      village.leaving = 0
      for _ = 1, village.households do
        if comply:uniform(0, 1) < compliance then village.leaving = village.leaving + 1 end
      end
      expected = expected + village.leaving
      for _ = 1, village.leaving do sim.process(household, village) end
    end)
  end
end)

sim.at(0, function() sim.emit("levee.alarm", { level_m = 4.2 }) end)
sim.after(warning_delay, function()
  sim.emit("warning", { at = sim.now(), channels = { "broadcast", "call" } })
end)

local function percentile(p)
  if #arrivals == 0 then return 0 end
  local k = math.max(1, math.ceil(p * #arrivals))
  return arrivals[k]
end

sim.objective {
  name = "lowland-sheltered-45min",
  target = "every leaving Lowland household sheltered within 45 min of the alarm",
  by = minutes(45),
  check = function()
    local n, want = arrived_by_village.lowland or 0, villages[1].leaving or 0
    return want > 0 and n == want, n
  end,
}

sim.objective {
  name = "all-sheltered",
  target = "every leaving household sheltered by the end",
  check = function()
    sim.metric("evacuation.t50_s", percentile(0.5))
    sim.metric("evacuation.t90_s", percentile(0.9))
    sim.metric("evacuation.t100_s", percentile(1.0))
    sim.metric("evacuation.safe", arrived)
    return arrived == expected and expected > 0, arrived
  end,
}
