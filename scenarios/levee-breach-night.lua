-- Levee breach at night: the Roter Main breaks its levee south of
-- Altenplos and a pond dam on the Dühlbach fails above Weikenreuth.
--
-- WHAT HAPPENS. Tuesday 21 July 2026, a night storm. From 01:00 the Roter
-- Main rises for two and a half hours. At 01:20 the pond warden reports
-- water running over the dam of the 250 000 m3 retention pond on the
-- Dühlbach; the township warns the villages of the Dühlbach valley and
-- Altenplos by loudspeaker, SMS, phone and gongs, every grid's responsible
-- person (网格员) must answer within 15 minutes (叫应), and Weikenreuth,
-- Unterwaiz and Hahnenhof, below the pond, are ordered out to the town
-- hall (转移令). At 02:10 the Main's left-bank levee south of Altenplos
-- breaks (the opening grows over 40 minutes); at 02:30 the pond dam fails
-- and a wave runs down the valley through Weikenreuth. Roads close under
-- 0.3 m of water (cars) and 0.5 m (walkers) and reopen when it drains.
-- The run ends at 06:00.
--
-- WHAT IT MEASURES. Four objectives, each rated P / S / M / U
-- (lib/rating.lua): Weikenreuth is empty before the dam fails; every
-- warned grid acknowledges within 15 minutes; everyone who set off from
-- below the pond is safe by the end; the township's first report is
-- filed within 20 minutes of the order.
-- Metrics add the breach flows, the water released, the deepest water at
-- each village centre, and the roads flooded and open again by 06:00.
--
-- WHAT TO CHANGE. The parameters: how high the Main rises, when the levee
-- and the dam break, how much the pond holds, when the order goes out.
-- An earlier order or a shelter nearer than the Neudrossenfeld town hall
-- (4.5 km from Weikenreuth) is what a planner tries first.
--
-- The map is the township north of Bayreuth (maps/north-bayreuth.geojson,
-- OpenStreetMap, ODbL); terrain SRTM averaged to 90 m cells (fast; public
-- domain). SRTM does not resolve the Main's channel, so the levee breach
-- floods fields and roads on the floodplain; the village water comes from
-- the pond, as it would in a narrow side valley.

scenario { name = "levee-breach-night", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem-90m.asc", duration = hours(5), seed = 1,
           start = "2026-07-21T01:00:00+02:00",
           description = "Roter Main levee breach and Dühlbach pond dam failure at night" }

local rating = require("lib.rating")

-- Parameters a planner changes (each with a range for sweeps).
local peak_rise = sim.param("peak_rise_m", { default = 2.5, min = 0, max = 5,
  doc = "how far the Main rises above the levee foot at the breach (m)" })
local levee_breach_at = sim.param("levee_breach_at", { default = minutes(70), min = 0, max = hours(4),
  doc = "when the Main's levee breaks (seconds from 01:00)" })
local dam_breach_at = sim.param("dam_breach_at", { default = minutes(90), min = minutes(30), max = hours(4),
  doc = "when the Dühlbach pond dam fails (seconds from 01:00)" })
local pond_volume = sim.param("pond_volume_m3", { default = 250000, min = 1000, max = 1000000,
  doc = "water held by the Dühlbach pond when its dam fails (m3)" })
local order_at = sim.param("order_at", { default = minutes(20), min = 0, max = hours(3),
  doc = "when the warning and the order go out (seconds from 01:00)" })

-- The places of the story (zone ids of the map).
local weikenreuth = "z2036303118"
local below_the_pond = { weikenreuth, "z305529152" --[[ Unterwaiz ]], "z335465495" --[[ Hahnenhof ]] }
local warned = { weikenreuth, "z305529152", "z335465495", "z355533051" --[[ Altenplos ]] }

-- The Roter Main at the levee: ground 314.5 m behind it; the river's
-- stage rises from bankfull for two and a half hours, then falls. The
-- opening is 35 m wide and takes 40 minutes to form.
local foot = 314.5
local levee = sim.flood.breach {
  x = -870, y = -600, at = levee_breach_at, mode = "overtopping",
  river = { level = { { 0, foot - 0.5 }, { hours(2.5), foot + peak_rise },
                      { hours(4), foot }, { hours(5), foot - 1 } } },
  crest = foot + 3, bottom = foot, width = 35, formation = minutes(40),
}

-- The pond above Weikenreuth: 4 ha of surface, dam crest at 344 m over the
-- valley floor at 336.5 m. How wide the breach grows and how fast is
-- worked out from the pond (Froehlich 2008).
local dam = sim.flood.breach {
  x = -380, y = -3190, at = dam_breach_at, mode = "overtopping",
  reservoir = { volume = pond_volume, level = 343.5, area = 40000 },
  crest = 344, bottom = 336.5,
}

-- Warnings: each grid's responsible person must acknowledge within 15
-- minutes; a silent one is called again, then visited door to door.
-- Five minutes after the last grid has answered (or gone door to door),
-- the duty officer files the township's first report to the county
-- (the order opened the event "evacuation"; the rule wants it within
-- 20 minutes).
sim.warning.call_and_answer { deadline = minutes(15) }
local acknowledged, settled_grids, first_report = 0, {}, nil
local function grid_settled(grid)
  if settled_grids[grid] then return end
  settled_grids[grid] = true
  local settled = 0
  for _ in pairs(settled_grids) do settled = settled + 1 end
  if settled == #warned then
    sim.wait(minutes(5))
    first_report = sim.now()
    sim.report { event = "evacuation", level = "township", stage = "first" }
  end
end
sim.on("warning.acknowledged", function(e)
  if sim.now() <= order_at + minutes(15) then acknowledged = acknowledged + 1 end
  -- The grid's responsible person reports the village's first headcount.
  sim.report { event = "evacuation", level = "village", stage = "first" }
  grid_settled(e.grid)
end)
sim.on("warning.escalated", function(e)
  if e.step == "door" then grid_settled(e.grid) end
end)

-- The order: the villages below the pond leave for the nearest town
-- hall with room; those with a car drive, the others walk.
sim.at(order_at, function()
  sim.warn { zones = warned, channels = { "broadcast", "sms", "call", "gong" },
             message = "红色预警: 水库漫坝, 请立即转移 / the pond dam is overtopping: leave now" }
  local ordered = sim.evacuate { zones = below_the_pond, mode = "auto", shadow_share = 0.02 }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

-- Roads the water closes, to count at the end those open again.
local flooded_roads, flooded = {}, {}
sim.on("flood.link_closed", function(e)
  if not flooded[e.link] then
    flooded[e.link] = true
    flooded_roads[#flooded_roads + 1] = e.link
  end
end)

-- Every five minutes: the deepest water at each village centre, and the
-- breach flows (metrics.csv keeps the series).
local villages, deepest = sim.map.zones(), {}
local peak_outflow = { levee = 0, dam = 0 }
sim.every(minutes(5), function()
  for _, zone in ipairs(villages) do
    local d = sim.flood.depth_at(zone.x, zone.y)
    if d and d > (deepest[zone.id] or 0) then deepest[zone.id] = d end
  end
  peak_outflow.levee = math.max(peak_outflow.levee, levee:outflow())
  peak_outflow.dam = math.max(peak_outflow.dam, dam:outflow())
  sim.metric("flood.levee_outflow_m3_s", levee:outflow())
  sim.metric("flood.dam_outflow_m3_s", dam:outflow())
end)

-- Objectives, rated at the end of the run.
sim.objective {
  name = "weikenreuth-empty-before-the-dam-fails",
  target = "every Weikenreuth household that set off is safe before the dam fails",
  check = function()
    local s = sim.evacuation.status(weikenreuth)
    return rating.time(s.t100, dam_breach_at - order_at)
  end,
}

sim.objective {
  name = "grids-acknowledged-15min",
  target = "every warned grid acknowledges within 15 min (叫应)",
  check = function() return rating.count(acknowledged, #warned) end,
}

sim.objective {
  name = "no-one-left-below-the-pond",
  target = "everyone who set off from below the pond is safe by 06:00 (persons still out)",
  check = function()
    -- Persons of the villages below the pond still at home preparing or
    -- on the way when the run ends; the engine's person-minutes in water
    -- deeper than 0.5 m are the metric evacuation.exposed_person_min.
    local left = 0
    for _, zone in ipairs(below_the_pond) do
      left = left + sim.evacuation.status(zone).en_route
    end
    return rating.at_most(left, 0)
  end,
}

sim.objective {
  name = "first-report-20min",
  target = "the township's first report filed within 20 min of the order",
  check = function() return rating.time(first_report and first_report - order_at, minutes(20)) end,
}

-- Summary metrics at the end.
sim.at(hours(5), function()
  local wet, max_depth = 0, 0
  for _, zone in ipairs(villages) do
    local d = deepest[zone.id] or 0
    if d > 0.05 then
      wet = wet + 1
      sim.metric("flood.village." .. zone.id .. ".max_depth_m", d)
    end
    max_depth = math.max(max_depth, d)
  end
  sim.metric("flood.villages_wet", wet)
  sim.metric("flood.village_max_depth_m", max_depth)
  sim.metric("flood.roads_flooded", #flooded_roads)
  local reopened = 0
  for _, link in ipairs(flooded_roads) do
    if not sim.map.is_closed(link) then reopened = reopened + 1 end
  end
  sim.metric("flood.roads_reopened", reopened)
  sim.metric("flood.levee_released_m3", levee:released())
  sim.metric("flood.dam_released_m3", dam:released())
  sim.metric("flood.levee_peak_m3_s", peak_outflow.levee)
  sim.metric("flood.dam_peak_m3_s", peak_outflow.dam)
  sim.metric("flood.dam_width_m", dam:width())
  sim.log(string.format("villages wet: %d, deepest %.2f m; roads flooded: %d", wet, max_depth,
    #flooded_roads))
end)
