-- A run of a few seconds spread over its sim time: events, a metric series
-- and frames every minute, for tests that kill `drillsim run` part way.
scenario { name = "slow-run", duration = hours(2), seed = 3 }

local work = sim.param("work", { default = 100000, doc = "busy-loop iterations per sim minute" })

local spin = 0
sim.every(minutes(1), function()
  for i = 1, work do spin = spin + i % 7 end
  sim.emit("tick", { spin = spin % 1000 })
  sim.metric("spin", spin % 1000)
end)
