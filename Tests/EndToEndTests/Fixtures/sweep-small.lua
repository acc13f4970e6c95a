-- A tiny scenario for sweep tests: two swept parameters (a list of values
-- and a range), a metric that depends on both and on a random stream, and
-- an optional busy loop that makes each run slow (for kill tests).
scenario { name = "sweep-small", duration = hours(1), seed = 5 }

local teams = sim.param("teams", { default = 2, values = { 2, 3 }, doc = "rescue teams" })
local delay = sim.param("delay", { default = 30, min = 0, max = 60, doc = "warning delay, s" })
local work = sim.param("work", { default = 0, doc = "busy-loop iterations per run" })

local rng = sim.rng("calls")
local total = 0
for _ = 1, 20 do total = total + rng:exponential(60) end
local spin = 0
for i = 1, work do spin = spin + i % 7 end

local response = delay + total / teams
sim.metric("response_s", response)
sim.metric("noise", rng:uniform(0, 1))
sim.objective { name = "fast", target = "response under 600 s",
                check = function() return response < 600, response end }
