scenario { name = "params", duration = minutes(90) }
local teams = sim.param("teams", { default = 3, min = 1, max = 10, doc = "rescue teams" })
local mode = sim.param("mode", { default = "walk", values = { "walk", "drive" } })
sim.objective { name = "early", target = "all by 45 s", by = 45, check = function() return true end }
sim.process(function(n)
  for i = 1, n do sim.wait(seconds(10)) end
end, teams)
