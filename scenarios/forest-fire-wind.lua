-- Forest fire with wind: a south-westerly wind drives a forest fire past
-- Dürrwiesen towards Sorg.
--
-- WHAT HAPPENS. Tuesday 21 July 2026, 14:00, after weeks of drought. A
-- fire starts in the spruce and pine forest 600 m south-west of
-- Dürrwiesen; a 9 m/s wind from 240° (south-west) drives it north-east.
-- The fire watch sees the smoke 15 minutes later and raises the alarm:
-- the nearest fire brigade is sent to the fire, and five minutes later
-- the township warns the hamlets downwind (Sorg, Ziegelhütte, Dürrwiesen,
-- Lichtentanne) by loudspeaker, SMS, phone and gongs and orders them to the
-- Neudrossenfeld town hall. Roads the fire reaches close for an hour
-- (smoke, heat, fallen trees). About three hours in, the fire reaches
-- Sorg; a house there catches fire and the brigade is called to it (the
-- burning roads may keep every team away: response.blocked_routes). The
-- run ends at 18:00.
--
-- WHAT IT MEASURES. Four objectives, each rated P / S / M / U
-- (lib/rating.lua): the first fire brigade is at the fire within 20
-- minutes of the alarm; every warned grid acknowledges within 15 minutes
-- (叫应); every household ordered out is safe within 60 minutes; the
-- villages have two hours before the fire reaches any of them. Metrics
-- add the burned area, when the fire reached each village and the roads
-- it closed.
--
-- WHAT TO CHANGE. The wind (speed, direction), how dry the fuel is, how
-- long until the smoke is seen. Move `ignition` to start elsewhere in
-- the forest; add villages to `downwind` if the wind turns.
--
-- The map is the township north of Bayreuth (maps/north-bayreuth.geojson,
-- OpenStreetMap, ODbL); terrain SRTM, public domain. Fuel models come from
-- the OSM land use (maps/north-bayreuth-fuel.asc, `drillsim map fuel`):
-- forest is Scott & Burgan TU5 timber-shrub, meadows and fields GR2 grass,
-- villages and water do not burn.

scenario { name = "forest-fire-wind", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", fuel = "maps/north-bayreuth-fuel.asc",
           duration = hours(4), seed = 1, start = "2026-07-21T14:00:00+02:00",
           description = "Forest fire driven by a south-westerly wind towards Dürrwiesen and Sorg" }

local rating = require("lib.rating")

-- Parameters a planner changes (each with a range for sweeps).
local wind_speed = sim.param("wind_speed", { default = 9, min = 0, max = 20,
  doc = "open wind speed at 6 m height (m/s)" })
local wind_from = sim.param("wind_from", { default = 240, min = 0, max = 360,
  doc = "direction the wind blows from (degrees; 240 = south-west)" })
local dead_moisture = sim.param("dead_moisture", { default = 0.03, min = 0.02, max = 0.12,
  doc = "moisture of the fine dead fuel (share of dry weight; 0.03 is weeks of drought)" })
local detection = sim.param("detection", { default = minutes(15), min = 0, max = hours(1),
  doc = "seconds from ignition until the fire watch raises the alarm" })

-- The hamlets downwind of the forest (zone ids of the map).
local sorg = "z2102873775"
local downwind = { sorg, "z2102873661" --[[ Ziegelhütte ]], "z2102873817" --[[ Dürrwiesen ]],
                   "z2102873852" --[[ Lichtentanne ]] }

-- The fire: fuel moisture from the drought (the larger fuels a little
-- wetter), the wind, and the ignition in the forest.
local ignition = { x = -1950, y = -1600 }
sim.fire.moisture { d1 = dead_moisture, d10 = dead_moisture + 0.01, d100 = dead_moisture + 0.02,
                    herb = 0.3, wood = 0.6 }
sim.fire.wind { speed = wind_speed, from = wind_from }
sim.fire.ignite(ignition)

-- Roads close where the fire passes (the engine does it); count them.
local roads_closed = 0
sim.on("fire.link_closed", function() roads_closed = roads_closed + 1 end)

-- When the fire reaches a village centre, a house there catches fire and
-- the brigade is called to it.
local reached, names = {}, {}
for _, zone in ipairs(sim.map.zones()) do names[zone.id] = zone.name or zone.id end
sim.on("zone.burning", function(e)
  if reached[e.zone] then return end
  reached[e.zone] = e.arrival
  sim.log(string.format("the fire reaches %s at %.0f s", names[e.zone], e.arrival))
  sim.metric("fire.arrival." .. e.zone .. "_s", e.arrival)
  sim.incident { id = "house-fire-" .. e.zone, kind = "structure_fire", at = e.zone,
                 work = minutes(45) }
end)

-- The alarm: the nearest brigade goes to the fire's edge (a fire job, one
-- team, working until the run ends).
local at_the_fire
sim.on("team.arrived", function(e)
  if e.incident == "forest-fire" and not at_the_fire then at_the_fire = sim.now() end
end)
sim.at(detection, function()
  sim.incident { id = "forest-fire", kind = "other", skills = { "fire" }, priority = 1,
                 at = sim.map.nearest_node(ignition.x, ignition.y), work = hours(4) }
end)

-- Five minutes after the alarm: warning and order for the hamlets
-- downwind; every grid's responsible person must answer within 15 minutes.
local order_at = detection + minutes(5)
local acknowledged = 0
sim.on("warning.acknowledged", function()
  if sim.now() <= order_at + minutes(15) then acknowledged = acknowledged + 1 end
end)
sim.at(order_at, function()
  sim.warn { zones = downwind, channels = { "broadcast", "sms", "call", "gong" },
             message = "森林火灾, 请立即撤离 / forest fire: leave for the Neudrossenfeld town hall now" }
  local ordered = sim.evacuate { zones = downwind, mode = "auto", shadow_share = 0.02,
                                 to = "shelter-n358872697" }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

-- Objectives, rated at the end of the run.
sim.objective {
  name = "brigade-at-the-fire-20min",
  target = "the first fire brigade at the fire within 20 min of the alarm",
  check = function() return rating.time(at_the_fire and at_the_fire - detection, minutes(20)) end,
}

sim.objective {
  name = "grids-acknowledged-15min",
  target = "every warned grid acknowledges within 15 min (叫应)",
  check = function() return rating.count(acknowledged, #downwind) end,
}

sim.objective {
  name = "downwind-t100-60min",
  target = "every household ordered out safe within 60 min of the order",
  check = function()
    local t100
    for _, zone in ipairs(downwind) do
      local s = sim.evacuation.status(zone)
      if s.persons > 0 then
        if s.t100 == nil then return rating.time(nil, minutes(60)) end
        t100 = math.max(t100 or 0, s.t100)
      end
    end
    return rating.time(t100, minutes(60))
  end,
}

sim.objective {
  name = "villages-have-two-hours",
  target = "the fire reaches no village centre within 2 h of ignition (first arrival, s)",
  check = function()
    local first
    for _, zone in ipairs(sim.map.zones()) do
      local t = reached[zone.id]
      if t then first = math.min(first or t, t) end
    end
    if first == nil then return true, nil, "P" end
    -- Reaching a village early is the failure: rate how far short of two
    -- hours the first arrival falls.
    if first >= hours(2) then return true, first, "P" end
    if first >= hours(1.5) then return false, first, "S" end
    if first >= hours(1) then return false, first, "M" end
    return false, first, "U"
  end,
}

-- Summary metrics at the end.
sim.at(hours(4), function()
  local first, count = nil, 0
  for _, zone in ipairs(sim.map.zones()) do
    local t = reached[zone.id]
    if t then
      first = math.min(first or t, t)
      count = count + 1
    end
  end
  sim.metric("fire.first_village_arrival_s", first or -1)
  sim.metric("fire.villages_reached", count)
  sim.metric("fire.roads_closed", roads_closed)
end)
