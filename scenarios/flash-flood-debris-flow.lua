-- A debris flow cuts the valley road: heavy rain over the township north
-- of Bayreuth (scenarios/maps/north-bayreuth.geojson, from OpenStreetMap,
-- ODbL; terrain from SRTM).
--
-- From 00:30 a storm cell stalls over the Roter Main valley. The gully
-- above the riverside road south of Neudrossenfeld is marked as a slope of
-- the moderate class (Caine 1980: I = 14.82 D^-0.39); when the rain
-- crosses that curve a debris flow buries the road for `clearance`
-- seconds. The scenario reports when it happened and how much longer a
-- car takes around it, and whether the road was open again by morning.

scenario { name = "debris-flow", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", duration = hours(8), seed = 1,
           start = "2026-07-21T00:00:00+02:00",
           description = "Heavy rain triggers a debris flow that cuts the valley road" }

local rain = sim.param("rain_mm_h", { default = 12, min = 0, max = 150,
  doc = "storm intensity over the valley (mm/h)" })
local clearance = sim.param("clearance", { default = hours(3), min = minutes(10),
  doc = "seconds until the loaders have cleared the road" })

-- The gully's road: the links by the Roter Main south of Neudrossenfeld.
local road = sim.map.links_near(-506, -1445, 60)
sim.ground.slope { id = "neudrossenfeld-gully", links = road, class = "moderate",
                   kind = "debris_flow", duration = clearance }
sim.ground.rain { mm_per_h = rain, from = minutes(30), to = hours(5) }

-- A car trip along the valley, from one side of the gully to the other.
local west = sim.map.nearest_node(-1300, -1600)
local east = sim.map.nearest_node(300, -1300)
local function trip()
  return sim.map.travel_time(west, east, { mode = "drive" })
end
local before = trip()

local flow_at
sim.on("ground.debris_flow", function(e)
  flow_at = sim.now()
  sim.metric("ground.debris_flow_s", sim.now())
  sim.metric("ground.rain_event_h", e.hours)
  local during = trip()
  sim.log(string.format("debris flow on %s after %.2f h of %.1f mm/h rain", e.slope, e.hours,
    e.intensity))
  if before and during then sim.metric("ground.detour_s", during - before) end
  if not during then sim.metric("ground.detour_s", -1) end
end)

sim.on("outage.end", function(e)
  sim.log("road " .. e.link .. " open again")
end)

sim.objective {
  name = "valley-road-open-by-morning",
  target = "the valley road open again before 06:00",
  check = function()
    local open = true
    for _, id in ipairs(road) do
      if sim.map.is_closed(id) then open = false end
    end
    return open and flow_at ~= nil, flow_at
  end,
  by = hours(6),
}
