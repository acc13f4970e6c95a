-- River flood at night: the Roter Main rises, a levee breaks, and a pond dam
-- on the Dühlbach fails above Weikenreuth.
--
-- The township north of Bayreuth (maps/north-bayreuth.geojson, OpenStreetMap,
-- ODbL; terrain SRTM, public domain). A night storm: from 01:00 the Roter Main
-- rises for two and a half hours; at 02:10 its left-bank levee south of Altenplos
-- breaks (a river breach: the stage drives the weir, the opening grows over
-- 40 minutes). At 02:30 the overtopped dam of a 250 000 m3 retention pond on
-- the Dühlbach fails (a reservoir breach sized by Froehlich 2008) and the
-- wave runs down the valley through Weikenreuth to the Main. Roads close
-- under 0.3 m of water and reopen when it drains; the scenario reports the
-- roads flooded and the deepest water at every village centre.
--
-- The villages of this township sit on terraces several metres above the
-- floodplain of the Main (SRTM at 30 m does not resolve the channel), so
-- the Main's breach floods fields and roads; the village water comes from
-- the pond, as it would in a narrow side valley.

scenario { name = "river-flood", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", duration = hours(5), seed = 1,
           start = "2026-07-21T01:00:00+02:00",
           description = "Roter Main levee breach and Dühlbach pond dam failure at night" }

local peak_rise = sim.param("peak_rise_m", { default = 2.5, min = 0, max = 5,
  doc = "how far the Main rises above the levee foot at the breach (m)" })
local levee_breach_at = sim.param("levee_breach_at", { default = minutes(70), min = 0,
  doc = "when the Main's levee breaks (seconds from 01:00)" })
local dam_breach_at = sim.param("dam_breach_at", { default = minutes(90), min = 0,
  doc = "when the Dühlbach pond dam fails (seconds from 01:00)" })
local pond_volume = sim.param("pond_volume_m3", { default = 250000, min = 1000,
  doc = "water held by the Dühlbach pond when its dam fails (m3)" })

-- The Roter Main at the levee: ground 314.5 m behind it; the stage rises from
-- bankfull for two and a half hours, then falls.
local foot = 314.5
local levee = sim.flood.breach {
  x = -870, y = -600, at = levee_breach_at, mode = "overtopping",
  river = { level = { { 0, foot - 0.5 }, { hours(2.5), foot + peak_rise },
                      { hours(4), foot }, { hours(5), foot - 1 } } },
  crest = foot + 3, bottom = foot, width = 35, formation = minutes(40),
}

-- The pond above Weikenreuth: 4 ha of surface, dam crest at 344 m over the
-- valley floor at 336.5 m; width and formation time from Froehlich (2008).
local dam = sim.flood.breach {
  x = -380, y = -3190, at = dam_breach_at, mode = "overtopping",
  reservoir = { volume = pond_volume, level = 343.5, area = 40000 },
  crest = 344, bottom = 336.5,
}

-- Village centres: the deepest water each sees.
local villages, deepest = {}, {}
for _, zone in ipairs(sim.map.zones()) do
  if sim.flood.depth_at(zone.x, zone.y) then villages[#villages + 1] = zone end
end

local flooded, reopened, roads = 0, 0, {}
sim.on("flood.link_closed", function(e)
  if not roads[e.link] then
    roads[e.link] = true
    flooded = flooded + 1
  end
end)

local peak_outflow = { levee = 0, dam = 0 }
sim.every(minutes(5), function()
  for _, zone in ipairs(villages) do
    local d = sim.flood.depth_at(zone.x, zone.y)
    if d > (deepest[zone.id] or 0) then deepest[zone.id] = d end
  end
  peak_outflow.levee = math.max(peak_outflow.levee, levee:outflow())
  peak_outflow.dam = math.max(peak_outflow.dam, dam:outflow())
  sim.metric("flood.levee_outflow_m3_s", levee:outflow())
  sim.metric("flood.dam_outflow_m3_s", dam:outflow())
end)

sim.objective {
  name = "Weikenreuth centre stays below knee depth",
  target = "deepest water at the village centre < 0.5 m",
  check = function() return (deepest["z2036303118"] or 0) < 0.5 end,
}

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
  sim.metric("flood.roads_flooded", flooded)
  sim.metric("flood.levee_released_m3", levee:released())
  sim.metric("flood.dam_released_m3", dam:released())
  sim.metric("flood.levee_peak_m3_s", peak_outflow.levee)
  sim.metric("flood.dam_peak_m3_s", peak_outflow.dam)
  sim.metric("flood.dam_width_m", dam:width())
  sim.log(string.format("villages wet: %d, deepest %.2f m; roads flooded: %d", wet, max_depth, flooded))
end)
