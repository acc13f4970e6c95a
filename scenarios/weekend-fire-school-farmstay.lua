-- A weekend fire: a kindergarten festival and a farm stay full of guests.
--
-- WHAT HAPPENS. Saturday 25 July 2026, 14:00, after three dry weeks, with a
-- hot north-easterly wind. At Ramsenthal the Kindergarten Spielkreis holds
-- its summer festival: 60 children and their carers are there. South-west
-- of the village the old Bremermühle mill is a farm stay (民宿, 农家乐)
-- with 45 weekend guests who know neither the roads nor the sirens. A fire
-- starts in the forest north-east of Ramsenthal. A walker calls it in ten
-- minutes later; the township warns Ramsenthal, Bremermühle and the
-- hamlets beside them by loudspeaker, SMS and gongs (guests are not on
-- the call lists, so only broadcast, the location SMS and the gongs reach
-- them), orders them to the Harsdorf town hall, and the fire brigade
-- sends a team to the kindergarten, which cannot leave without help.
-- Wind drives the fire south-west out of the forest into the fields; a
-- house or barn in a village the fire reaches catches fire and the
-- brigade is called to it. The run lasts four hours.
--
-- WHAT IT MEASURES. Five objectives, each rated P / S / M / U
-- (lib/rating.lua): the team reaches the kindergarten within 20 minutes
-- of the alarm; the farm-stay guests are all in the shelter within 45
-- minutes of the order; 90 % of everyone ordered out is safe within 60
-- minutes; Ramsenthal is empty before the fire reaches it; everyone who
-- set off reaches the shelter by the end.
-- Its metrics (summary.json) add when the fire reached each village and
-- how many roads it closed.
--
-- WHAT TO CHANGE. The parameters below (`--param name=value`, or a sweep):
-- the wind, when the alarm is raised, how many guests and children are
-- there. Move `ignition` to start the fire elsewhere, or change the
-- `extra` list to put the guests and the festival in other villages. The
-- order sends everyone to the Harsdorf shelters (the town hall, 800
-- places; the church, 200; the Kita, 100) and, when they are full, on to
-- the Neudrossenfeld town hall (800), 7 km west: drop it from the `to`
-- list to see who would be left without a place.
--
-- The map is the township north of Bayreuth (maps/north-bayreuth.geojson,
-- OpenStreetMap, ODbL); terrain SRTM; fuel from the OSM land use
-- (maps/north-bayreuth-fuel.asc: forest is timber-shrub, fields grass).

scenario { name = "weekend-fire-school-farmstay", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", fuel = "maps/north-bayreuth-fuel.asc",
           duration = hours(4), seed = 1, start = "2026-07-25T14:00:00+02:00",
           description = "Weekend forest fire at Ramsenthal: a kindergarten festival and a farm stay's guests" }

local rating = require("lib.rating")

-- Parameters a planner changes (each with a range for sweeps).
local wind_speed = sim.param("wind_speed", { default = 8, min = 0, max = 20,
  doc = "open wind speed at 6 m height (m/s)" })
local wind_from = sim.param("wind_from", { default = 45, min = 0, max = 360,
  doc = "direction the wind blows from (degrees; 45 = north-east)" })
local alarm_after = sim.param("alarm_after", { default = minutes(10), min = 0, max = hours(1),
  doc = "seconds from ignition until someone calls the fire in" })
local order_delay = sim.param("order_delay", { default = minutes(5), min = 0, max = hours(1),
  doc = "seconds from the alarm to the warning and evacuation order" })
local guests = sim.param("guests", { default = 45, min = 0, max = 200,
  doc = "weekend guests at the Bremermühle farm stay" })
local children = sim.param("children", { default = 60, min = 0, max = 200,
  doc = "children and carers at the kindergarten festival" })

-- The places of the story (zone and facility ids of maps/north-bayreuth.geojson).
local ramsenthal = "z1208695912"        -- village, with the kindergarten and FF Ramsenthal
local bremermuehle = "z1226409121"      -- the old mill, now a farm stay
local kindergarten = "school-w104656730" -- Kindergarten Spielkreis Ramsenthal
local threatened = { ramsenthal, bremermuehle,
  "z1685925020",   -- Zettlitz
  "z526905786",    -- Heinersgrund
  "z258014667" }   -- Altenreuth

-- Who is there today, on top of the people who live there: the guests
-- come in parties of three, mostly by car; the festival is one group that
-- the carers keep together and that needs a vehicle to leave.
sim.population { extra = {
  { zone = bremermuehle, group = "visitors", persons = guests },
  { zone = ramsenthal, group = "school", persons = children },
} }

-- The weather and the fire: very dry fuel, the wind fixed for the
-- afternoon, and the ignition at the forest's edge north-east of the village.
local ignition = { x = 6050, y = 1450 }
sim.fire.moisture { d1 = 0.03, d10 = 0.04, d100 = 0.05, herb = 0.3, wood = 0.6 }
sim.fire.wind { speed = wind_speed, from = wind_from }
sim.fire.ignite(ignition)

-- Roads close where the fire passes (the engine does it); count them.
local roads_closed = 0
sim.on("fire.link_closed", function() roads_closed = roads_closed + 1 end)

-- When the fire reaches a village, a house or barn there catches fire
-- and the brigade is called to it (the nearest free team goes).
local reached = {}
sim.on("zone.burning", function(e)
  reached[e.zone] = e.arrival
  sim.metric("fire.arrival." .. e.zone .. "_s", e.arrival)
  sim.incident { id = "house-fire-" .. e.zone, kind = "structure_fire", at = e.zone,
                 work = minutes(45) }
end)

-- The township's militia squad (民兵应急分队) waits at the Harsdorf town
-- hall with a minibus; it is the team that can move the kindergarten
-- (the fire brigades keep to the fire). Twenty people, ten minutes to
-- turn out on a Saturday.
sim.team { id = "militia-harsdorf", kind = "militia", station = "shelter-n2100576898",
           vehicle = "car", call_out = minutes(10) }

-- The alarm: the township warns and orders out. The kindergarten cannot
-- leave on its own (group "school"), so the order raises its assistance
-- job ("assist.h<household>"): the nearest team that can help goes, and
-- carries the children to the shelter. It is the only household here that
-- waits for a team.
local ordered_at, kindergarten_reached
sim.on("team.arrived", function(e)
  if not kindergarten_reached and e.incident:sub(1, 7) == "assist." then
    kindergarten_reached = sim.now()
    sim.log("a team is at the kindergarten " .. (sim.now() - alarm_after) .. " s after the alarm")
  end
end)

sim.at(alarm_after + order_delay, function()
  ordered_at = sim.now()
  sim.warn { zones = threatened, channels = { "broadcast", "sms", "call", "gong" },
             message = "森林火灾, 请立即前往哈斯多夫村委会 / forest fire: go to the Harsdorf town hall now" }
  -- Those with a car drive, the others walk; a few households elsewhere
  -- leave too when they hear of it (shadow evacuation, 2 %).
  local ordered = sim.evacuate { zones = threatened, mode = "auto", shadow_share = 0.02,
                                 to = { "shelter-n2100576898", "shelter-n980025717",
                                        "shelter-w200157596", "shelter-n358872697" } }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

-- Objectives, rated at the end of the run.
sim.objective {
  name = "kindergarten-team-20min",
  target = "a team at the kindergarten within 20 min of the alarm",
  check = function()
    return rating.time(kindergarten_reached and kindergarten_reached - alarm_after, minutes(20))
  end,
}

sim.objective {
  name = "farm-stay-sheltered-45min",
  target = "every Bremermühle household (guests included) in the shelter within 45 min of the order",
  check = function() return rating.time(sim.evacuation.status(bremermuehle).t100, minutes(45)) end,
}

sim.objective {
  name = "t90-60min",
  target = "90 % of those ordered out safe within 60 min of the order",
  check = function() return rating.time(sim.evacuation.status().t90, minutes(60)) end,
}

sim.objective {
  name = "ramsenthal-out-before-the-fire",
  target = "every Ramsenthal household that set off is safe before the fire reaches the village",
  check = function()
    local s = sim.evacuation.status(ramsenthal)
    local last_safe = s.t100 and ordered_at + s.t100
    return rating.time(last_safe, reached[ramsenthal] or hours(4))
  end,
}

sim.objective {
  name = "everyone-safe",
  target = "everyone who set off is in a shelter by the end (persons)",
  check = function()
    local s = sim.evacuation.status()
    return rating.count(s.safe, s.persons)
  end,
}

sim.at(hours(4), function()
  local first
  for _, zone in ipairs(threatened) do
    if reached[zone] then first = math.min(first or reached[zone], reached[zone]) end
  end
  sim.metric("fire.first_village_arrival_s", first or -1)
  sim.metric("fire.roads_closed", roads_closed)
  sim.metric("fire.ordered_at_s", ordered_at or -1)
end)
