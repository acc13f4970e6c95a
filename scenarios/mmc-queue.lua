-- M/M/c queue: customers arrive at rate lambda, c servers each serve at rate
-- mu, first come first served. The kernel's verification case.
--
-- Erlang C (a = lambda / mu offered load, rho = a / c):
--   P(wait) = (a^c / c!) / (1 - rho) / [ sum_{k<c} a^k / k! + (a^c / c!) / (1 - rho) ]
--   Wq      = P(wait) / (c mu - lambda)
-- For c = 3, mu = 1, rho = 0.9 (lambda = 2.7): P(wait) = 0.817061, Wq = 2.723537 s.
--
-- Each customer is a process: it requests a server, records its wait, is
-- served for an exponential time and releases. Waits are summarised by
-- batch means after a warm-up, which gives a 95 % confidence interval that
-- respects the strong autocorrelation of waits at rho = 0.9.

scenario { name = "mmc-queue", seed = 1,
           description = "M/M/c queue against Erlang C (batch means)" }

local c = sim.param("servers", { default = 3, min = 1, max = 64, doc = "number of servers c" })
local rho = sim.param("rho", { default = 0.9, min = 0.01, max = 0.99, doc = "utilisation lambda / (c mu)" })
local mu = sim.param("mu", { default = 1.0, min = 0.001, doc = "service rate per server (1/s)" })
local customers = sim.param("customers", { default = 200000, min = 1000, doc = "customers in the run" })
local warmup = sim.param("warmup", { default = 10000, min = 0, doc = "customers discarded before batching" })
local batches = sim.param("batches", { default = 20, min = 5, max = 30, doc = "number of batches" })

local lambda = rho * c * mu

local function erlang_c()
  local a, term, sum = lambda / mu, 1, 0
  for k = 0, c - 1 do
    if k > 0 then term = term * a / k end
    sum = sum + term
  end
  local top = term * a / c / (1 - rho)        -- a^c / c! / (1 - rho)
  local p_wait = top / (sum + top)
  return p_wait / (c * mu - lambda), p_wait
end

-- Student t 0.975 quantiles for 4..29 degrees of freedom.
local T975 = { [4] = 2.776, [5] = 2.571, [6] = 2.447, [7] = 2.365, [8] = 2.306, [9] = 2.262,
  [10] = 2.228, [11] = 2.201, [12] = 2.179, [13] = 2.160, [14] = 2.145, [15] = 2.131,
  [16] = 2.120, [17] = 2.110, [18] = 2.101, [19] = 2.093, [20] = 2.086, [21] = 2.080,
  [22] = 2.074, [23] = 2.069, [24] = 2.064, [25] = 2.060, [26] = 2.056, [27] = 2.052,
  [28] = 2.048, [29] = 2.045 }

local servers = sim.resource { name = "servers", capacity = c }
local arrivals, service = sim.rng("arrivals"), sim.rng("service")

local batch_size = (customers - warmup) // batches
local batch_sum = {}
for b = 1, batches do batch_sum[b] = 0 end
local all_sum, done = 0, 0

-- Mean wait and its 95 % interval from the batch means.
local function batch_interval()
  local mean = 0
  for b = 1, batches do mean = mean + batch_sum[b] / batch_size end
  mean = mean / batches
  local ss = 0
  for b = 1, batches do ss = ss + (batch_sum[b] / batch_size - mean) ^ 2 end
  local half = T975[batches - 1] * math.sqrt(ss / (batches - 1) / batches)
  return mean, mean - half, mean + half
end

local function report()
  local wq, p_wait = erlang_c()
  local mean, low, high = batch_interval()
  sim.metric("mmc.erlang_c_wq_s", wq)
  sim.metric("mmc.erlang_c_p_wait", p_wait)
  sim.metric("mmc.wait_mean_s", mean)
  sim.metric("mmc.wait_ci95_low_s", low)
  sim.metric("mmc.wait_ci95_high_s", high)
  sim.metric("mmc.wait_mean_all_s", all_sum / customers)
  sim.metric("mmc.customers", done)
end

local function customer(i)
  local arrived = sim.now()
  servers:request()
  local wait = sim.now() - arrived
  all_sum = all_sum + wait
  if i > warmup then
    local b = (i - warmup - 1) // batch_size + 1
    if b <= batches then batch_sum[b] = batch_sum[b] + wait end
  end
  sim.wait(service:exponential(1 / mu))
  servers:release()
  done = done + 1
  if done == customers then report() end
end

sim.process(function()
  for i = 1, customers do
    sim.process(customer, i)
    sim.wait(arrivals:exponential(1 / lambda))
  end
end)

sim.objective {
  name = "erlang-c",
  target = "Erlang C mean wait inside the 95 % batch-means interval",
  check = function()
    local wq = erlang_c()
    local mean, low, high = batch_interval()
    return done == customers and low <= wq and wq <= high, mean
  end,
}
