-- The three cuts (三断) in a flood: power, network and road fail while the
-- Roter Main floods the valley at night.
--
-- WHAT HAPPENS. Tuesday 21 July 2026, 02:00. The gauge upstream alarms: a
-- flood wave is coming down the Roter Main (peak in two hours). The storm
-- that brought it has already cut the township in three ways:
--   * power: the line feeding Altdrossenfeld, Muckenreuth and the two
--     Zinkenflur hamlets is down, so their loudspeakers are silent and
--     phones and SMS fail there (no power for the masts and handsets);
--   * network: the base station serving Altenplos is down, so SMS and
--     calls do not reach Altenplos;
--   * road: at 02:30 fallen trees close the riverside road south of
--     Neudrossenfeld, the way the valley villages drive to the town hall.
-- Five minutes after the alarm the township warns every village on the
-- valley floor (loudspeaker, SMS, phone, gongs) and orders them to the
-- Neudrossenfeld town hall. Every grid's responsible person (网格员) must
-- answer within 15 minutes (叫应); where the call cannot get through, grid
-- staff go door to door. Households leave when warned, walking or
-- driving; those on the closed road turn and find another way. The
-- utility's line crew drives out to the broken line and power comes back
-- when it has repaired it. The run ends at 07:00.
--
-- WHAT IT MEASURES. Five objectives, each rated P / S / M / U
-- (lib/rating.lua): every valley grid acknowledges within 15 minutes; the
-- grids without power or network have finished door to door within 45
-- minutes; Altenplos is empty within 60 minutes of the order; 90 % of
-- everyone ordered out is safe within 60 minutes; power is back within
-- two hours of the alarm. Metrics add how many travellers re-routed
-- (evacuation.rerouted) and the zone-minutes without power and network.
--
-- WHAT TO CHANGE. Which villages lose power or network (`powerless`,
-- `silent`), when the road closes, how long the line repair takes, the
-- flood's peak. Setting `road_cut_at` past the end (or the repair to a
-- minute) shows what each cut costs.
--
-- The map is the township north of Bayreuth (maps/north-bayreuth.geojson,
-- OpenStreetMap, ODbL); terrain SRTM averaged to 90 m cells (public domain).

scenario { name = "three-cuts-flood", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem-90m.asc", duration = hours(5), seed = 1,
           start = "2026-07-21T02:00:00+02:00",
           description = "River flood at night with power, network and road cut (三断)" }

local rating = require("lib.rating")

-- Parameters a planner changes (each with a range for sweeps).
local peak_inflow = sim.param("peak_inflow", { default = 150, min = 0, max = 1000,
  doc = "peak river inflow of the flood wave (m3/s)" })
local road_cut_at = sim.param("road_cut_at", { default = minutes(30), min = 0, max = hours(6),
  doc = "when fallen trees close the riverside road (seconds from 02:00)" })
local repair = sim.param("repair", { default = minutes(60), min = minutes(1), max = hours(6),
  doc = "seconds the line crew needs on site to repair the power line" })
local order_delay = sim.param("order_delay", { default = minutes(5), min = 0, max = hours(1),
  doc = "seconds from the gauge alarm to the warning and the order" })

-- The flood wave of the Roter Main, entering the valley floor from the
-- south-east: rising to its peak in two hours, holding, then falling.
sim.flood.inflow { x = 1785, y = -4305, m3_per_s = {
  { 0, 10 }, { hours(2), peak_inflow }, { hours(4), peak_inflow }, { hours(5), 40 } } }

-- The villages on the valley floor (centre below 333 m on the terrain).
local valley = {}
for _, zone in ipairs(sim.map.zones()) do
  local z = sim.map.elevation(zone.x, zone.y)
  if z and z < 333 then valley[#valley + 1] = zone.id end
end
local altenplos = "z355533051"

-- Cut 1, power: the line to Altdrossenfeld, Muckenreuth and Zinkenflur.
local powerless = { "z1754614684" --[[ Altdrossenfeld ]], "z359882448" --[[ Muckenreuth ]],
                    "z2102904605" --[[ Unterzinkenflur ]], "z2102904615" --[[ Oberzinkenflur ]] }
sim.outage.cut { kind = "power", zones = powerless }
-- Cut 2, network: the base station serving Altenplos.
local silent = { altenplos }
sim.outage.cut { kind = "network", zones = silent }
-- Cut 3, road: fallen trees on the riverside road south of Neudrossenfeld.
local riverside_road = sim.map.links_near(-506, -1445, 60)
sim.outage.cut { kind = "road", links = riverside_road, at = road_cut_at }

-- Warnings: 叫应 within 15 minutes; door to door, a grid's four staff
-- share the doors, one door every 15 seconds.
sim.warning.call_and_answer { deadline = minutes(15) }
sim.warning.channel("door", { time_per_door = 15 })

local order_at = order_delay
local acknowledged = 0
sim.on("warning.acknowledged", function()
  if sim.now() <= order_at + minutes(15) then acknowledged = acknowledged + 1 end
end)
-- When each cut grid has finished going door to door.
local cut_zone = {}
for _, zone in ipairs(powerless) do cut_zone[zone] = true end
for _, zone in ipairs(silent) do cut_zone[zone] = true end
local door_done, doors_finished = 0, 0
sim.on("warning.door_finished", function(e)
  if cut_zone[e.zone] then
    doors_finished = doors_finished + 1
    door_done = math.max(door_done, sim.now())
  end
end)

sim.at(order_at, function()
  sim.warn { zones = valley, channels = { "broadcast", "sms", "call", "gong" },
             message = "红色预警: 罗特美因河洪水, 请立即转移到村委会 / flood: leave for the town hall now" }
  local ordered = sim.evacuate { zones = valley, mode = "auto", shadow_share = 0.02 }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

-- The line crew of the utility: from the Harsdorf yard, twenty minutes
-- to turn out at night; the break is on the line north of Altdrossenfeld.
sim.team { id = "line-crew", kind = "property_staff", station = "depot-n2100576898",
           skills = { "power" }, vehicle = "car", call_out = minutes(20) }
sim.incident { id = "power-line", kind = "other", skills = { "power" }, priority = 2,
               at = sim.map.nearest_node(-1500, 1300), work = repair }
local power_back
sim.on("incident.done", function(e)
  if e.incident ~= "power-line" then return end
  power_back = sim.now()
  sim.outage.restore { kind = "power", zones = powerless }
  sim.log("power is back in Altdrossenfeld, Muckenreuth and Zinkenflur")
end)

-- Objectives, rated at the end of the run.
sim.objective {
  name = "grids-acknowledged-15min",
  target = "every valley grid acknowledges within 15 min (叫应)",
  check = function() return rating.count(acknowledged, #valley) end,
}

sim.objective {
  name = "cut-grids-door-to-door-45min",
  target = "the grids without power or network finished door to door within 45 min of the order",
  check = function()
    local cut = #powerless + #silent
    if doors_finished < cut then return false, doors_finished, "U" end
    return rating.time(door_done - order_at, minutes(45))
  end,
}

sim.objective {
  name = "altenplos-t100-60min",
  target = "every Altenplos household that set off safe within 60 min of the order",
  check = function() return rating.time(sim.evacuation.status(altenplos).t100, minutes(60)) end,
}

sim.objective {
  name = "valley-t90-60min",
  target = "90 % of those ordered out safe within 60 min of the order",
  check = function() return rating.time(sim.evacuation.status().t90, minutes(60)) end,
}

sim.objective {
  name = "power-back-2h",
  target = "power back in the cut villages within 2 h of the alarm",
  check = function() return rating.time(power_back, hours(2)) end,
}
