-- The default scenario: a night-time levee warning on the Roter Main.
--
-- The township north of Bayreuth (scenarios/maps/north-bayreuth.geojson, from
-- OpenStreetMap, ODbL; terrain from SRTM). At 02:00 the levee gauge alarms;
-- the township warns the villages on the valley floor (below 333 m); each village's grid responsible
-- person (网格员) must answer the warning (叫应) before door-to-door
-- mobilisation starts; households leave after a lognormal pre-movement time
-- and walk the fastest open route to the nearest shelter with room; 45
-- minutes in, the water closes the road by the river south of Neudrossenfeld
-- and later walkers route around it.
--
-- Later capabilities replace the scripted parts with models (flood raster,
-- warning channels, movement with congestion); the map, the routes and the
-- plan's objectives are already real.

scenario { name = "default", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", duration = hours(4), seed = 1,
           start = "2026-07-21T02:00:00+02:00",
           description = "Levee warning at night on the Roter Main: 叫应, mobilisation, shelters" }

local warning_delay = sim.param("warning_delay", { default = 300, min = 0, max = 3600,
  doc = "seconds from the levee alarm to the township's warning" })
local compliance = sim.param("compliance", { default = 0.9, min = 0, max = 1,
  doc = "share of households that leave when warned" })
local ack_median = sim.param("ack_median", { default = 300, min = 10, max = 3600,
  doc = "median seconds for a grid responsible person to answer (叫应)" })
local road_cut_at = sim.param("road_cut_at", { default = minutes(45), min = 0,
  doc = "when the water closes the riverside road (seconds)" })
local gate_lanes = sim.param("gate_lanes", { default = 4, min = 1, max = 20,
  doc = "households each shelter registers at once" })

local valley_floor = sim.param("valley_floor_m", { default = 333, min = 280, max = 600,
  doc = "villages whose centre lies below this elevation (m) are warned" })

-- The villages on the valley floor, from the terrain under each village centre.
local valley = {}
for _, zone in ipairs(sim.map.zones()) do
  local z = sim.map.elevation(zone.x, zone.y)
  if z and z < valley_floor then valley[zone.id] = true end
end

local premove = sim.rng("premovement")
local ack = sim.rng("acknowledgement")
local comply = sim.rng("compliance")

-- Shelters: places left, and a registration gate each.
local shelters = {}
for _, f in ipairs(sim.map.facilities("shelter")) do
  shelters[#shelters + 1] = { id = f.id, name = f.name, left = f.capacity or 0,
    gate = sim.resource { name = "gate_" .. f.id, capacity = gate_lanes } }
end

local leaving, arrived, arrivals, unsheltered = 0, 0, {}, 0
local per_zone = {}

-- The nearest shelter with room for the household, by walking time on the
-- open network.
local function nearest_shelter(from, speed, size)
  local best, best_t
  for _, s in ipairs(shelters) do
    if s.left >= size then
      local t = sim.map.travel_time(from, s.id, { mode = "walk", speed = speed })
      if t and (not best_t or t < best_t) then best, best_t = s, t end
    end
  end
  return best, best_t
end

local function household(zone, size)
  sim.wait(premove:lognormal(math.log(600), 0.6))     -- NIST TN 1822 form, median 10 min
  local shelter, walk = nearest_shelter(zone.node, zone.walk_speed, size)
  while shelter do
    sim.wait(walk)
    shelter.gate:request()
    sim.wait(20)                                       -- registration against the roster
    shelter.gate:release()
    if shelter.left >= size then
      shelter.left = shelter.left - size
      arrived = arrived + size
      arrivals[#arrivals + 1] = sim.now()
      local z = per_zone[zone.id]
      z.arrived = z.arrived + size
      if z.arrived == z.leaving then sim.metric("evacuation." .. zone.id .. ".t100_s", sim.now()) end
      return
    end
    -- Full: on to the next shelter with room (overflow).
    local here = shelter.id
    shelter, walk = nearest_shelter(here, zone.walk_speed, size)
  end
  unsheltered = unsheltered + size
end

sim.on("warning", function(w)
  for _, zone in ipairs(sim.map.zones()) do
    if valley[zone.id] then
      sim.process(function()
        sim.wait(ack:lognormal(math.log(ack_median), 0.5))
        sim.metric("warning." .. zone.id .. ".ack_s", sim.now() - w.at)
        sim.emit("acknowledged", { zone = zone.id, name = zone.name, after_s = sim.now() - w.at })
        per_zone[zone.id] = { leaving = 0, arrived = 0 }
        local hh, pop = zone.households, zone.population
        for i = 1, hh do
          -- Whole persons: household i holds its share of the population.
          local size = (i * pop) // hh - ((i - 1) * pop) // hh
          if comply:uniform(0, 1) < compliance and size > 0 then
            per_zone[zone.id].leaving = per_zone[zone.id].leaving + size
            leaving = leaving + size
            sim.process(household, zone, size)
          end
        end
      end)
    end
  end
end)

sim.at(0, function() sim.emit("levee.alarm", { gauge_m = 4.2 }) end)
sim.after(warning_delay, function()
  sim.emit("warning", { at = sim.now(), channels = { "broadcast", "call", "door" } })
end)
sim.at(road_cut_at, function()
  -- The riverside road south of Neudrossenfeld, by the Roter Main.
  for _, id in ipairs(sim.map.links_near(-506, -1445, 60)) do sim.map.close_link(id) end
end)

local function percentile(p)
  if #arrivals == 0 then return 0 end
  return arrivals[math.max(1, math.ceil(p * #arrivals))]
end

sim.objective {
  name = "altenplos-sheltered-45min",
  target = "every leaving Altenplos household sheltered within 45 min of the alarm",
  by = minutes(45),
  check = function()
    local z = per_zone.z355533051
    return z ~= nil and z.leaving > 0 and z.arrived >= z.leaving, z and z.arrived or 0
  end,
}

sim.objective {
  name = "all-sheltered",
  target = "every leaving resident of the valley sheltered by the end",
  check = function()
    sim.metric("evacuation.t50_s", percentile(0.5))
    sim.metric("evacuation.t90_s", percentile(0.9))
    sim.metric("evacuation.t100_s", percentile(1.0))
    sim.metric("evacuation.safe", arrived)
    sim.metric("evacuation.unsheltered", unsheltered)
    sim.metric("evacuation.leaving", leaving)
    return leaving > 0 and arrived >= leaving, arrived
  end,
}
