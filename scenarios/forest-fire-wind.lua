-- Forest fire with a south-westerly wind reaching a village (Sorg).
--
-- The township north of Bayreuth (maps/north-bayreuth.geojson, OpenStreetMap,
-- ODbL; terrain SRTM, public domain). Fuel models come from the OSM land use
-- (maps/north-bayreuth-fuel.asc, made with `drillsim map fuel`): the spruce and
-- pine forest west of Dürrwiesen is TU5 timber-shrub, meadows and fields GR2
-- grass, villages and water non-burnable. After weeks of drought, on a July afternoon a fire
-- starts in the forest 600 m south-west of the village; a 9 m/s wind from
-- 240° drives it north-east past Dürrwiesen; about three hours in it reaches
-- the centre of Sorg. Roads the fire reaches close; the scenario
-- reports the burned area, when the fire reaches each village centre, and
-- the roads closed.

scenario { name = "forest-fire", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", fuel = "maps/north-bayreuth-fuel.asc",
           duration = hours(4), seed = 1, start = "2026-07-21T14:00:00+02:00",
           description = "Forest fire driven by a south-westerly wind into the villages north-east of it" }

local wind_speed = sim.param("wind_speed", { default = 9, min = 0, max = 20,
  doc = "20-ft open wind speed (m/s)" })
local wind_from = sim.param("wind_from", { default = 240, min = 0, max = 360,
  doc = "direction the wind blows from (degrees)" })

local ignition = { x = -1950, y = -1600 }
sim.fire.moisture { d1 = 0.03, d10 = 0.04, d100 = 0.05, herb = 0.3, wood = 0.6 }
sim.fire.wind { speed = wind_speed, from = wind_from }
sim.fire.ignite(ignition)

-- Roads: sample points every 60 m over 4.5 km x 4.5 km around the ignition; when
-- the fire reaches a point, the links within 45 m of it close.
local pending, closed, roads_closed = {}, {}, 0
for dx = -1500, 3000, 60 do
  for dy = -1500, 3000, 60 do
    local x, y = ignition.x + dx, ignition.y + dy
    local links = sim.map.links_near(x, y, 45)
    if #links > 0 then pending[#pending + 1] = { x = x, y = y, links = links } end
  end
end

local villages, reached = sim.map.zones(), {}
sim.every(minutes(5), function()
  local now, left = sim.now(), {}
  for _, p in ipairs(pending) do
    local t = sim.fire.arrival_at(p.x, p.y)
    if t and t <= now then
      for _, link in ipairs(p.links) do
        if not closed[link] then
          closed[link] = true
          roads_closed = roads_closed + 1
          sim.map.close_link(link)
        end
      end
    else
      left[#left + 1] = p
    end
  end
  pending = left
  for _, zone in ipairs(villages) do
    local t = sim.fire.arrival_at(zone.x, zone.y)
    if t and t <= now and not reached[zone.id] then
      reached[zone.id] = t
      sim.log(string.format("fire reaches %s at %.0f s", zone.name or zone.id, t))
      sim.metric("fire.arrival." .. zone.id .. "_s", t)
    end
  end
  sim.metric("fire.roads_closed", roads_closed)
end)

sim.objective {
  name = "Villages have two hours before the fire",
  target = "the fire reaches no village centre within 2 h of ignition",
  check = function()
    for _, t in pairs(reached) do if t <= hours(2) then return false end end
    return true
  end,
}

sim.at(hours(4), function()
  local first
  for _, t in pairs(reached) do first = math.min(first or t, t) end
  sim.metric("fire.first_village_arrival_s", first or -1)
  sim.metric("fire.villages_reached", (function() local n = 0
    for _ in pairs(reached) do n = n + 1 end return n end)())
  sim.metric("fire.roads_closed", roads_closed)
end)
