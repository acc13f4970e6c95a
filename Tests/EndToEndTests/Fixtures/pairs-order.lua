-- Schedules from pairs() over string keys: the order must be the same in
-- every process, although Lua seeds its string hash per process.
scenario { name = "pairs-order", seed = 5, duration = 100 }
local villages = {}
for i = 1, 40 do villages["village-" .. i] = i end
local rng = sim.rng("delays")
local step = 0
for name, n in pairs(villages) do
  step = step + 1
  local delay = rng:uniform(0, 10)
  sim.after(step, function()
    sim.wait(delay)
    sim.emit("warned", { village = name, n = n, delay = delay })
  end)
end
sim.every(7, function() sim.metric("warned.so_far", sim.now()) end)
