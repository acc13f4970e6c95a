-- The default scenario: a night-time river flood on the Roter Main.
--
-- The township north of Bayreuth (scenarios/maps/north-bayreuth.geojson, from
-- OpenStreetMap, ODbL; terrain from SRTM, averaged to 90 m cells to keep the
-- 12-hour flood fast: see maps/README.md). At 02:00 the gauge
-- upstream alarms: the river brings a flood wave into the valley from the
-- south-east (a hydrograph rising to its peak in two hours, holding for four
-- and falling over the night) and the water spreads over the valley floor
-- on the terrain, closing roads to cars at 0.3 m and to walkers at 0.5 m.
--
-- Five minutes after the alarm the township warns the villages on the
-- valley floor (centre below 333 m) by loudspeaker broadcast, SMS, outbound
-- calls and gongs, and orders them out to the town halls (转移令). Every
-- grid responsible person (网格员) must answer (叫应) within 15 minutes;
-- a silent grid is called again, and where the phone cannot ring grid staff
-- go door to door. The base station serving Altenplos went down with the
-- storm (network cut, 三断): SMS and calls do not reach it, its grid cannot
-- answer and escalates to door-to-door at the deadline. Households leave
-- at their first warning plus a pre-movement time drawn per population
-- group (lognormal, median 5 min for residents); those with a car drive,
-- the others walk, as queues on the links, to the nearest town hall with
-- room; a shadow share of the other villages leaves too.
--
-- The response: each fire station of the map has its brigade; the county's
-- water rescue team waits with its boat at the Feuerwehr, and the village
-- militia (民兵应急分队) at each town hall fetches the households that cannot
-- leave on their own (two mobility-impaired residents per valley village,
-- an assumption: the 包保 lists name them). Anyone still at home when the
-- water there passes 0.5 m calls for the water rescue team (trapped).
-- Supplies: the township depot beside the Rathaus sends water and food to
-- every town hall at the order, and again whenever a hall is down to an
-- hour's use of a full hall.

scenario { name = "default", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem-90m.asc", duration = hours(12), seed = 1,
           start = "2026-07-21T02:00:00+02:00",
           description = "River flood at night on the Roter Main: warnings, 叫应, a network cut, evacuation" }

local warning_delay = sim.param("warning_delay", { default = 300, min = 0, max = 3600,
  doc = "seconds from the gauge alarm to the warning and the order" })
local peak_inflow = sim.param("peak_inflow", { default = 150, min = 0, max = 1000,
  doc = "peak river inflow of the flood wave (m3/s)" })
local ack_deadline = sim.param("ack_deadline", { default = minutes(15), min = 60, max = hours(2),
  doc = "seconds by which every grid must acknowledge the warning (叫应)" })
local shadow_share = sim.param("shadow_share", { default = 0.02, min = 0, max = 1,
  doc = "share of households of the other villages that leave anyway (shadow evacuation)" })
local compliance = sim.param("compliance", { default = 1.0, min = 0, max = 1,
  doc = "share of households that follow the order (应转尽转: 1; about 0.66 in surveys)" })
local valley_floor = sim.param("valley_floor_m", { default = 333, min = 280, max = 600,
  doc = "villages whose centre lies below this elevation (m) are warned and ordered out" })

local impaired_per_village = sim.param("impaired_per_village", { default = 2, min = 0, max = 50,
  doc = "mobility-impaired residents per valley village, who wait for the militia" })

-- The flood wave of the Roter Main, entering the valley floor from the south-east (324.8 m).
sim.flood.inflow { x = 1785, y = -4305, m3_per_s = {
  { 0, 10 }, { hours(2), peak_inflow }, { hours(6), peak_inflow }, { hours(10), 10 } } }

-- The villages on the valley floor, from the terrain under each village centre.
local valley, valley_grids = {}, 0
for _, zone in ipairs(sim.map.zones()) do
  local z = sim.map.elevation(zone.x, zone.y)
  if z and z < valley_floor then
    valley[#valley + 1] = zone.id
    valley_grids = valley_grids + 1
  end
end
local altenplos = "z355533051"

local extra = {}
for _, zone in ipairs(valley) do
  extra[#extra + 1] = { zone = zone, group = "mobility_impaired",
                        persons = math.floor(impaired_per_village) }
end
-- Who lives and stays here. The map gives no ages, so every village takes
-- stated census-like shares: 22 % aged 65 and over and 14 % under 15
-- (assumptions near Germany's national figures; set them from the township
-- roster). The map's lodgings (a hotel and a camp site, from OSM tourism
-- tags) hold 12 guests each in July; its kindergartens would hold 45
-- children and staff each in school hours, but at 02:00 they are empty.
sim.population { compliance = compliance,
                 group_shares = { elderly = 0.22, children = 0.14 },
                 school_persons = 45, school_in_session = false, clinic_persons = 20,
                 lodging_guests = 12,
                 extra = impaired_per_village > 0 and extra or nil }

local halls = { "shelter-n358872697", "shelter-n2100576898" }
sim.team { id = "water-rescue", kind = "water_rescue", station = "station-n843091457" }
for i, hall in ipairs(halls) do
  sim.team { id = "militia-" .. i, kind = "militia", station = hall }
end

-- Supplies from the township depot: a first load for every hall at the
-- order, then 400 more whenever a hall is down to 100 (an hour of a full
-- hall at 0.125 per person and hour).
local depot = "depot-n358872697"
sim.supply.add(depot, "water", 6000)
sim.supply.add(depot, "food", 6000)
for _, hall in ipairs(halls) do
  for _, item in ipairs({ "water", "food" }) do
    sim.supply.on_low_stock(hall, item, 100, function()
      sim.supply.deliver { item = item, amount = 400, from = depot, to = hall }
    end)
  end
end

-- 三断: the storm took the base station serving Altenplos.
sim.outage.cut { kind = "network", zones = { altenplos } }

sim.warning.call_and_answer { deadline = ack_deadline }
-- Door to door: a grid's four staff share the doors, so one door every 15 s.
sim.warning.channel("door", { time_per_door = 15 })

-- Reports (信息报送) on the event the order opens ("evacuation"): the
-- first grid to answer reports the village's first headcount; the duty
-- officer files the township's first report 15 minutes after the order and
-- a follow-up every hour, five minutes before each falls due; the county
-- office files its first report 90 minutes after the order. The water is
-- still on the valley at the end, so the event stays open and no final
-- report falls due.
local acknowledged, village_reported = 0, false
sim.on("warning.acknowledged", function(e)
  if sim.now() <= warning_delay + ack_deadline then acknowledged = acknowledged + 1 end
  if not village_reported then
    village_reported = true
    sim.report { event = "evacuation", level = "village", stage = "first" }
  end
end)
sim.process(function()
  sim.wait(warning_delay + minutes(15))
  sim.report { event = "evacuation", level = "township", stage = "first" }
  for hour = 1, 11 do
    sim.wait(warning_delay + hours(hour) - minutes(5) - sim.now())
    sim.report { event = "evacuation", level = "township", stage = "follow_up" }
  end
end)
sim.at(warning_delay + minutes(90), function()
  sim.report { event = "evacuation", level = "county", stage = "first" }
end)
sim.on("warning.escalated", function(e)
  sim.log("grid " .. e.grid .. " escalated (" .. e.step .. ") at " .. sim.now())
end)
sim.on("shelter.full", function(e)
  sim.log("shelter " .. e.shelter .. " is full (" .. e.occupancy .. " persons)")
end)

sim.at(warning_delay, function()
  sim.warn { zones = valley, channels = { "broadcast", "sms", "call", "gong" },
             message = "红色预警: 罗特美因河洪水, 请立即转移到村委会 / flood: leave for the town hall now" }
  local ordered = sim.evacuate { zones = valley, mode = "auto", shadow_share = shadow_share }
  for _, hall in ipairs(halls) do
    sim.supply.deliver { item = "water", amount = 400, from = depot, to = hall }
    sim.supply.deliver { item = "food", amount = 400, from = depot, to = hall }
  end
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons on the move or warned")
end)

sim.objective {
  name = "altenplos-sheltered-45min",
  target = "every Altenplos household that leaves sheltered within 45 min of the order",
  check = function()
    local s = sim.evacuation.status(altenplos)
    return s.t100 ~= nil and s.t100 <= minutes(45), s.t100
  end,
}

sim.objective {
  name = "grids-acknowledged-15min",
  target = "every valley grid acknowledges the warning within 15 min (叫应)",
  check = function() return acknowledged >= valley_grids, acknowledged end,
}

sim.objective {
  name = "valley-t90-60min",
  target = "90 % of those who leave in a shelter within 60 min of the order",
  check = function()
    local s = sim.evacuation.status()
    return s.t90 ~= nil and s.t90 <= minutes(60), s.t90
  end,
}
