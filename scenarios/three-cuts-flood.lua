-- Evacuation demo: the villages on the valley floor of the Roter Main,
-- north of Bayreuth, ordered out at night.
--
-- The map and terrain are those of the default scenario
-- (scenarios/maps/north-bayreuth.geojson, OpenStreetMap, ODbL; SRTM).
-- Five minutes after the levee alarm the township orders every village
-- whose centre lies below 333 m out. Households leave after a lognormal
-- pre-movement time (NIST TN 1822 form, median 10 min); those with a car
-- drive, the others walk, all as queues on the links (free-flow time, flow
-- capacity, storage, spillback) to the nearest shelter with room. Half an
-- hour in, the water closes the riverside road south of Neudrossenfeld and
-- everyone on it or heading for it re-routes. The three shelters hold 2,400
-- places; households that find none shelter in place and are counted.

scenario { name = "evacuation-demo", map = "maps/north-bayreuth.geojson",
           terrain = "maps/north-bayreuth-dem.asc", duration = hours(3), seed = 1,
           start = "2026-07-21T02:00:00+02:00",
           description = "Valley villages ordered out: walkers and cars to the shelters" }

local valley_floor = sim.param("valley_floor_m", { default = 333, min = 280, max = 600,
  doc = "villages whose centre lies below this elevation (m) are ordered out" })
local order_at = sim.param("order_at", { default = minutes(5), min = 0,
  doc = "seconds from the alarm to the evacuation order" })
local car_share = sim.param("car_share", { default = 0.5, min = 0, max = 1,
  doc = "share of households with a car (the others walk)" })
local road_cut_at = sim.param("road_cut_at", { default = minutes(30), min = 0,
  doc = "when the water closes the riverside road (seconds)" })

local valley = {}
for _, zone in ipairs(sim.map.zones()) do
  local z = sim.map.elevation(zone.x, zone.y)
  if z and z < valley_floor then valley[#valley + 1] = zone.id end
end

sim.on("shelter.full", function(e)
  sim.log("shelter " .. e.shelter .. " is full (" .. e.occupancy .. " persons)")
end)

sim.at(order_at, function()
  local ordered = sim.evacuate { zones = valley, mode = "auto", car_share = car_share,
    premovement = { dist = "lognormal", mu = math.log(600), sigma = 0.6 } }
  sim.log(ordered.households .. " households, " .. ordered.persons .. " persons ordered out")
end)

sim.at(road_cut_at, function()
  -- The riverside road south of Neudrossenfeld, by the Roter Main.
  for _, id in ipairs(sim.map.links_near(-506, -1445, 60)) do sim.map.close_link(id) end
end)

sim.objective {
  name = "valley-t90-60min",
  target = "90 % of those ordered out in a shelter within 60 min of the order",
  check = function()
    local s = sim.evacuation.status()
    return s.t90 ~= nil and s.t90 <= minutes(60), s.t90
  end,
}
