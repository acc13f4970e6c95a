-- Flash flood and debris flow: a night cloudburst sends a flood down the
-- Dürrwiesen brook and a debris flow onto the valley road.
--
-- WHAT HAPPENS. Tuesday 21 July 2026. From 00:30 a storm cell stalls over
-- the Roter Main valley: steady rain, and from 01:30 an hour's cloudburst.
-- The brook that comes down from the western hills through Dürrwiesen
-- rises within minutes (a flash flood) and spills onto the valley floor.
-- At 01:20, on the weather service's red rainstorm warning, the township
-- warns Dürrwiesen and the hamlets beside the brook (loudspeaker, SMS,
-- phone, gongs) and orders them out to the Neudrossenfeld town hall. The gully above the riverside road south of
-- Neudrossenfeld is a slope of the moderate class; when the rain crosses
-- its threshold (Caine 1980: I = 14.82 D^-0.39, mm/h over hours) a debris
-- flow buries the road. The township's road crew drives its loader out
-- and the road opens again when the crew has cleared it. Roads under
-- water close (cars 0.3 m, walkers 0.5 m) and reopen as it drains. The
-- run ends at 08:00.
--
-- WHAT IT MEASURES. Four objectives, each rated P / S / M / U
-- (lib/rating.lua): everyone ordered out of Dürrwiesen is safe within 45
-- minutes; the road crew is at the debris flow within 30 minutes; the
-- valley road is open again by 06:00; the detour while it is shut costs
-- a car at most 10 minutes. Metrics add when the debris flow came, after
-- how much rain, the detour and the roads the water closed.
--
-- WHAT TO CHANGE. The rain (steady and burst intensity), the brook's peak
-- flow, how long the crew needs to clear the road, when the order goes
-- out. `class = "steep"` in the slope makes it fail with far less rain.
--
-- The map is the township north of Bayreuth (maps/north-bayreuth.geojson,
-- OpenStreetMap, ODbL); terrain SRTM averaged to 90 m cells (public
-- domain). The brook's catchment lies mostly off the map: its runoff
-- enters as a flow (m3/s) at the head of the valley.

scenario { name = "flash-flood-debris-flow", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem-90m.asc", duration = hours(8), seed = 1,
           start = "2026-07-21T00:00:00+02:00",
           description = "Cloudburst at night: a flash flood through Dürrwiesen and a debris flow on the valley road" }

local rating = require("lib.rating")

-- Parameters a planner changes (each with a range for sweeps).
local rain = sim.param("rain_mm_h", { default = 12, min = 0, max = 60,
  doc = "steady rain over the valley from 00:30 to 05:00 (mm/h)" })
local burst = sim.param("burst_mm_h", { default = 40, min = 0, max = 150,
  doc = "extra rain during the cloudburst, 01:30 to 02:30 (mm/h)" })
local brook_peak = sim.param("brook_peak_m3_s", { default = 30, min = 0, max = 200,
  doc = "peak flow of the Dürrwiesen brook at the head of its valley (m3/s)" })
local clearance = sim.param("clearance", { default = hours(2), min = minutes(10), max = hours(12),
  doc = "seconds the road crew needs on site to clear the debris" })
local order_at = sim.param("order_at", { default = minutes(80), min = 0, max = hours(6),
  doc = "when Dürrwiesen is warned and ordered out (seconds from midnight)" })

-- The places of the story (zone ids of the map).
local duerrwiesen = "z2102873817"
local beside_the_brook = { duerrwiesen, "z2102873661" --[[ Ziegelhütte ]], "z2102873775" --[[ Sorg ]] }

-- The rain: it falls on the slopes (the debris-flow threshold adds it up);
-- the flood part of it is the brook's flow below.
sim.ground.rain { mm_per_h = rain, from = minutes(30), to = hours(5) }
sim.ground.rain { mm_per_h = burst, from = minutes(90), to = minutes(150) }

-- The flash flood: the brook's flow at the head of its valley, west of
-- Dürrwiesen, rising with the cloudburst and falling over two hours.
sim.flood.inflow { x = -1700, y = -1420, m3_per_s = {
  { 0, 0.5 }, { minutes(90), 3 }, { minutes(130), brook_peak }, { minutes(170), brook_peak * 0.5 },
  { hours(4.5), 2 }, { hours(8), 0.5 } } }

-- The gully's road: the links by the Roter Main south of Neudrossenfeld.
-- A debris flow keeps them shut until the crew has cleared them (the
-- slope's own `duration` is only a backstop: a day).
local road = sim.map.links_near(-506, -1445, 60)
sim.ground.slope { id = "neudrossenfeld-gully", links = road, class = "moderate",
                   kind = "debris_flow", duration = hours(24) }

-- The road crew: the township's yard team (four people, a loader), at
-- the Neudrossenfeld town hall; fifteen minutes to turn out at night.
sim.team { id = "road-crew", kind = "property_staff", station = "depot-n358872697",
           skills = { "clearance" }, vehicle = "car", call_out = minutes(15) }

-- A car trip along the valley, from one side of the gully to the other:
-- how much longer it takes while the road is shut.
local west = sim.map.nearest_node(-1300, -1600)
local east = sim.map.nearest_node(300, -1300)
local function trip() return sim.map.travel_time(west, east, { mode = "drive" }) end
local before = trip()

local flow_at, crew_at, cleared_at, detour
sim.on("ground.debris_flow", function(e)
  flow_at = sim.now()
  sim.metric("ground.debris_flow_s", flow_at)
  sim.metric("ground.rain_event_h", e.hours)
  sim.log(string.format("debris flow on %s after %.2f h of %.1f mm/h rain", e.slope, e.hours,
    e.intensity))
  -- The road is cut at this instant: the detour is what a car needs now.
  local during = trip()
  if before and during then detour = during - before end
  sim.metric("ground.detour_s", detour or -1)
  -- The crew works from the north end of the buried stretch, the side
  -- of Neudrossenfeld and its yard.
  sim.incident { id = "debris-flow", kind = "other", skills = { "clearance" }, priority = 2,
                 at = sim.map.nearest_node(-349, -1272), work = clearance }
end)
sim.on("team.arrived", function(e)
  if e.incident == "debris-flow" then crew_at = sim.now() end
end)
sim.on("incident.done", function(e)
  if e.incident ~= "debris-flow" then return end
  cleared_at = sim.now()
  sim.outage.restore { kind = "road", links = road }
  sim.log("the valley road is clear again")
end)

-- Warning and order for the villages beside the brook.
sim.at(order_at, function()
  sim.warn { zones = beside_the_brook, channels = { "broadcast", "sms", "call", "gong" },
             message = "暴雨红色预警, 山洪危险, 请立即转移 / flash flood: leave for the town hall now" }
  local ordered = sim.evacuate { zones = beside_the_brook, mode = "auto", shadow_share = 0.02,
                                 to = "shelter-n358872697" }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

-- Roads the water closes.
local flooded = {}
local roads_flooded = 0
sim.on("flood.link_closed", function(e)
  if not flooded[e.link] then
    flooded[e.link] = true
    roads_flooded = roads_flooded + 1
  end
end)

-- Objectives, rated at the end of the run (the road one at 06:00).
sim.objective {
  name = "duerrwiesen-t100-45min",
  target = "every Dürrwiesen household that set off safe within 45 min of the order",
  check = function() return rating.time(sim.evacuation.status(duerrwiesen).t100, minutes(45)) end,
}

sim.objective {
  name = "crew-on-site-30min",
  target = "the road crew at the debris flow within 30 min of it",
  check = function()
    if flow_at == nil then return true, nil, "P" end -- no debris flow: nothing to clear
    return rating.time(crew_at and crew_at - flow_at, minutes(30))
  end,
}

sim.objective {
  name = "valley-road-open-by-06",
  target = "the valley road open again before 06:00 (seconds from midnight it reopened)",
  by = hours(6),
  check = function()
    if flow_at == nil then return true, nil, "P" end
    return rating.time(cleared_at, hours(6))
  end,
}

sim.objective {
  name = "detour-10min",
  target = "while the road is shut, a car around it needs at most 10 min more (s)",
  check = function()
    if flow_at == nil then return true, 0, "P" end
    if detour == nil then return false, nil, "U" end -- no way round at all
    return rating.at_most(detour, minutes(10))
  end,
}

sim.at(hours(8), function()
  sim.metric("flood.roads_flooded", roads_flooded)
  sim.metric("ground.road_cleared_s", cleared_at or -1)
end)
