-- The township's yearly comprehensive drill (年度综合演练): a river flood.
--
-- How to read this file if you have never seen Lua:
--   * "--" starts a comment: the rest of the line is for people, not for the computer.
--   * "name = value" inside { } fills in a form; minutes(10) and hours(2) are
--     durations, so you never count seconds yourself.
--   * function() ... end is a small piece of "what to do", run later.
--   * drillsim runs the drill on the computer first: it plays the flood, the
--     warnings, the households walking and driving to the town halls, the
--     teams, the reports and the supplies, and rates every objective with
--     P, S, M or U. Run it with:    drillsim run scenarios/yearly-drill.lua
--   * The same file prints the controllers' script for the real drill, the
--     master scenario events list (MSEL):
--                                  drillsim drill msel scenarios/yearly-drill.lua --out msel.csv
--
-- The story: at 09:00 on the drill day the county hydrology station phones the
-- township: the Roter Main is rising fast upstream (the flood wave of the default
-- scenario, on the same township map north of Bayreuth and the same terrain).
-- The township opens its command post, warns the villages on the valley floor
-- and orders them out to the town halls (转移令); every grid responsible person
-- (网格员) must answer the call (叫应). The base station of Altenplos fails
-- (三断: network cut), so its grid staff go door to door. Reports go village ->
-- township -> county, the shelters count their arrivals against the household
-- roster, water and food come from the township depot, and a trapped elderly
-- couple needs the water rescue team.

scenario { name = "yearly-drill", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem-90m.asc", duration = hours(12), seed = 1,
           start = "2026-06-16T09:00:00+02:00",
           description = "Yearly comprehensive flood drill: MSEL injects, warnings, 叫应, reports, shelters, supplies" }

-- 1. What the planner may change (each can be set with --param name=value) ---------

local warning_after = sim.param("warning_after", { default = minutes(10), min = 0, max = hours(1),
  doc = "seconds from the county's transfer instruction to the warning and the order" })
local village_report_after = sim.param("village_report_after", { default = minutes(6), min = 0,
  max = hours(2), doc = "seconds from the order until the village reporters phone the township" })
local township_report_after = sim.param("township_report_after", { default = minutes(8), min = 0,
  max = hours(2), doc = "seconds from the village report until the township reports to the county" })
local supplies_after = sim.param("supplies_after", { default = minutes(30), min = 0, max = hours(6),
  doc = "seconds from the order until the depot trucks leave for the shelters" })
local depot_water = sim.param("depot_water", { default = 1500, min = 0, max = 100000,
  doc = "litres of drinking water in the township depot on the drill day" })
local unpaired_elderly = sim.param("unpaired_elderly_share", { default = 0, min = 0, max = 1,
  doc = "share of elderly living alone with no paired helper (包保), who wait for a team" })

-- 2. The township and the flood ------------------------------------------------------

-- Everyone follows the order in a drill (应转尽转); elderly people living alone
-- leave with their paired helper unless unpaired_elderly_share says otherwise.
sim.population { compliance = 1, elderly_alone_assistance_share = unpaired_elderly }

-- The flood wave of the Roter Main enters the valley from the south-east.
sim.flood.inflow { x = 1785, y = -4305, m3_per_s = {
  { 0, 10 }, { hours(2), 150 }, { hours(6), 150 }, { hours(10), 10 } } }

-- The villages on the valley floor: those whose centre lies below 333 m.
local valley = {}
for _, zone in ipairs(sim.map.zones()) do
  local z = sim.map.elevation(zone.x, zone.y)
  if z and z < 333 then valley[#valley + 1] = zone.id end
end
local altenplos = "z355533051"
local unterwaiz = "z305529152"

-- The shelters (town halls) and the township depot beside the Rathaus.
local shelters = { "shelter-n358872697", "shelter-n2100576898" }
local depot = "depot-n358872697"
sim.supply.add(depot, "water", depot_water)
sim.supply.add(depot, "food", 4000)
-- The supermarket's agreement reserve (协议储备): 4000 L of water, 2 h after the call.
sim.supply.reserve { id = "supermarket-water", supplier = "supermarket", item = "water",
                     amount = 4000, lead_time = hours(2), depot = depot }
-- Tell us when the Rathaus shelter's water falls to 250 L (the event "supply.low_stock"):
-- enough for about two and a half hours, the reserve's lead time plus the drive.
local rathaus = "shelter-n358872697"
sim.supply.on_low_stock(rathaus, "water", 250, function(e)
  sim.log("Rathaus shelter water low: " .. e.level .. " L")
end)

-- The water rescue team waits at the fire station (Feuerwehr).
sim.team { id = "water-rescue", kind = "water_rescue", station = "station-n843091457" }

-- Every grid responsible person must answer within 15 minutes; door to door,
-- a grid's staff knock on one door every 15 seconds.
sim.warning.call_and_answer { deadline = minutes(15) }
sim.warning.channel("door", { time_per_door = 15 })

-- 3. What the players do (the township's people, played by the computer) ------------
-- Each entry answers one inject (by its id) and takes the time written here.

local done = {}   -- what has been done so far, for the "expect" checks below
sim.on("warning.door_started", function(e)
  if e.zone == altenplos then done.altenplos_door = true end
end)
sim.on("team.arrived", function(e)
  if e.team == "water-rescue" then done.rescue_on_scene = sim.now() end
end)
-- When the supermarket's water reaches the depot, the trucks take it on.
sim.on("supply.reserve_arrived", function(e)
  for _, shelter in ipairs(shelters) do
    sim.supply.deliver { item = "water", amount = 1200, from = depot, to = shelter }
  end
end)

local players = {}
players["gauge-alarm"] = function()
  sim.wait(minutes(6))            -- the duty officer phones the township head
  sim.command_post()              -- and the command post opens
  done.command_post = true
end
players["transfer-instruction"] = function()
  sim.wait(warning_after)
  sim.warn { zones = valley, channels = { "broadcast", "sms", "call", "gong" },
             message = "红色预警: 请立即转移到村委会 / flood: leave for the town hall now" }
  sim.evacuate { zones = valley, mode = "auto", shadow_share = 0.02 }
  done.ordered = true
  sim.wait(village_report_after)  -- village reporters phone in (村级初报)
  sim.report { event = "evacuation", level = "village" }
  sim.wait(township_report_after) -- the township reports to the county (乡镇初报)
  sim.report { event = "evacuation", level = "township" }
  done.township_report = true
end
players["base-station-down"] = function()
  sim.outage.cut { kind = "network", zones = { altenplos } }
  sim.wait(minutes(3))            -- Altenplos grid staff set off door to door, with gongs
  sim.warn { zones = { altenplos }, channels = { "gong", "door" },
             message = "洪水: 请立即转移到村委会 / flood: leave for the town hall now" }
end
players["headcount-request"] = function()
  sim.wait(minutes(15))           -- shelter leads count arrivals against the roster
  sim.report { event = "evacuation", level = "township", stage = "follow_up" }
  done.headcount_reported = true
end
players["trapped-couple"] = function()
  sim.incident { id = "trapped-unterwaiz", kind = "trapped", at = unterwaiz, persons = 2 }
end
players["shelter-water-low"] = function()
  sim.wait(minutes(10))           -- the logistics group calls the supermarket
  sim.supply.call_off("supermarket-water")
  done.reserve_called = true
end
sim.on("inject", function(inject)
  local act = players[inject.id]
  if act then act() end
end)

-- The depot trucks take water and food to every shelter after the order.
sim.on("evacuation.order", function()
  sim.wait(supplies_after)
  for _, shelter in ipairs(shelters) do
    sim.supply.deliver { item = "water", amount = 400, from = depot, to = shelter }
    sim.supply.deliver { item = "food", amount = 1200, from = depot, to = shelter }
  end
end)

-- 4. The MSEL: what the controllers hand to the players, and when --------------------
-- at = time after the start (09:00); when = a condition instead of a time.
-- expect (optional) checks, "within" seconds after the inject, whether the
-- expected action followed; the report shows ✔ or ✘ for each.

sim.inject { id = "gauge-alarm", at = 0, type = "information", delivery = "phone",
  from = "county hydrology station (simulated)", to = "township duty office",
  text = "Roter Main gauge 0.4 m over the warning level and rising; 150 m3/s expected by 11:00.",
  expected_action = "Duty officer informs the township head, activates the flood plan (level IV) and opens the command post within 10 min.",
  objective = "command and coordination (指挥协调)",
  expect = function() return done.command_post == true end, within = minutes(10) }

sim.inject { id = "transfer-instruction", at = minutes(5), type = "event", delivery = "phone",
  from = "county flood control HQ (simulated)", to = "township command post",
  text = "Transfer everyone on the valley floor to the town halls now (转移令).",
  expected_action = "Warn the valley by broadcast, SMS, calls and gongs and issue the transfer order within 15 min; every grid lead answers (叫应).",
  objective = "grids-acknowledged-15min",
  expect = function() return done.ordered == true end, within = minutes(15) }

sim.inject { id = "base-station-down", at = minutes(8), type = "event", delivery = "phone",
  from = "network operator (simulated)", to = "township command post",
  text = "The base station serving Altenplos has failed: no mobile network or SMS there (三断).",
  expected_action = "Altenplos grid staff go door to door with gongs at once; nobody there gets the SMS.",
  objective = "altenplos-t100-45min",
  expect = function() return done.altenplos_door == true end, within = minutes(40) }

sim.inject { id = "water-over-bridge", at = minutes(25), type = "information", delivery = "phone",
  from = "Altenplos village reporter", to = "township duty office",
  text = "Water over the road at the Altenplos bridge; households are leaving on foot.",
  expected_action = "Township files its first report (初报) to the county within 20 min of the order.",
  objective = "first-report-20min",
  expect = function() return done.township_report == true end, within = minutes(20) }

sim.inject { id = "journalist", at = minutes(45), type = "media", delivery = "phone",
  from = "local journalist (simulated)", to = "township information officer",
  text = "Are people trapped in Altenplos? How many are missing?",
  expected_action = "Give the agreed public statement; no numbers before the headcount." }

sim.inject { id = "headcount-request", at = minutes(60), type = "information", delivery = "radio",
  from = "county flood control HQ (simulated)", to = "township command post",
  text = "Report how many transferred households are confirmed at the shelters.",
  expected_action = "Shelter leads check arrivals against the household roster (摸底台账); a follow-up report within 30 min.",
  objective = "all-sheltered-90min",
  expect = function() return done.headcount_reported == true end, within = minutes(30) }

sim.inject { id = "trapped-couple", at = hours(2), type = "event", delivery = "phone",
  from = "Unterwaiz grid lead", to = "township command post",
  text = "An elderly couple is cut off by water in Unterwaiz.",
  expected_action = "Dispatch the water rescue team; on scene within 30 min.",
  objective = "rescue-on-scene-30min",
  expect = function() return done.rescue_on_scene ~= nil end, within = minutes(30) }

sim.inject { id = "roll-call", when = function()
    local s = sim.evacuation.status()
    return s.persons > 0 and s.t90 ~= nil
  end, trigger = "90 % of the evacuees are in a shelter", poll = minutes(1),
  type = "information", delivery = "radio", from = "shelter leads", to = "township command post",
  text = "Nine in ten evacuees have arrived; the last ones are on the way.",
  expected_action = "Start the roll call against the roster and send grid staff after the missing." }

sim.inject { id = "grid-silent", when = "warning.escalated",
  trigger = "a grid lead has not answered by the 叫应 deadline", type = "event", delivery = "verbal",
  from = "duty officer", to = "township command post",
  text = "A grid lead has not answered the warning call (叫应) within 15 min.",
  expected_action = "Call again, then send grid staff door to door." }

sim.inject { id = "shelter-water-low", when = "supply.low_stock",
  trigger = "the Rathaus shelter's water falls to 250 L", type = "event", delivery = "phone",
  from = "Rathaus shelter lead", to = "logistics group",
  text = "Drinking water at the Rathaus shelter is down to 250 L.",
  expected_action = "Call off the supermarket's agreement reserve (协议储备); water arrives within 2 h.",
  objective = "basic-needs-10h",
  expect = function() return done.reserve_called == true end, within = minutes(30) }

-- 5. Objectives: rated P, S, M or U in summary.json and report.html ------------------

-- (target = ... is optional: without it the objective writes its own sentence.)
sim.objective { name = "altenplos-t100-45min", kind = "zone_t100", zone = altenplos,
                within = minutes(45),
                target = "every Altenplos evacuee in a shelter (T100) within 45 min of the order" }
sim.objective { name = "grids-acknowledged-15min", kind = "grids_acknowledged",
                within = minutes(15) }
sim.objective { name = "first-report-20min", kind = "first_report", level = "township",
                event = "evacuation", within = minutes(20) }
sim.objective { name = "all-sheltered-90min", kind = "all_sheltered", within = minutes(90) }
sim.objective { name = "basic-needs-10h", kind = "basic_needs" }
-- A target no built-in kind covers: a check function returns pass, value.
sim.objective { name = "rescue-on-scene-30min",
  target = "the water rescue team reaches the trapped couple within 30 min of the call",
  check = function()
    local t = done.rescue_on_scene
    return t ~= nil and t - hours(2) <= minutes(30), t and (t - hours(2)) or nil
  end }
