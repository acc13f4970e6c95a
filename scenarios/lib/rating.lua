-- Rating objectives the way drill evaluators do.
--
-- Every objective of a drill is rated on four levels (HSEEP):
--   P  performed without challenges   (the target was met)
--   S  performed with some challenges (missed, but by little)
--   M  performed with major challenges (missed by a lot)
--   U  unable to be performed          (far off, or it never happened)
-- The scenarios use the two rules below so that a planner reads the same
-- rating the same way in every scenario. Change the margins here to be
-- stricter or more lenient everywhere at once.
--
-- Use it in a scenario with `local rating = require("lib.rating")`.

local rating = {}

-- How far past a time target still counts as S, then as M (a share of
-- the target: 0.25 means up to a quarter longer).
rating.some, rating.major = 0.25, 0.5

-- A time target: `seconds` (nil when it never happened) against the
-- target in seconds. Returns what an objective's check returns: whether
-- the target was met, the value, and the rating.
function rating.time(seconds, target)
  if seconds == nil then return false, nil, "U" end
  if seconds <= target then return true, seconds, "P" end
  if seconds <= target * (1 + rating.some) then return false, seconds, "S" end
  if seconds <= target * (1 + rating.major) then return false, seconds, "M" end
  return false, seconds, "U"
end

-- A count target: `done` of `wanted` (grids that acknowledged, roads
-- open again, ...). All of them is P; at least 90 % S; at least half M.
function rating.count(done, wanted)
  if done >= wanted then return true, done, "P" end
  if done >= 0.9 * wanted then return false, done, "S" end
  if done >= 0.5 * wanted then return false, done, "M" end
  return false, done, "U"
end

-- A limit not to exceed (water depth, people left behind): at or below
-- the limit is P; up to a quarter over S; up to half over M.
function rating.at_most(value, limit)
  if value <= limit then return true, value, "P" end
  if value <= limit * (1 + rating.some) then return false, value, "S" end
  if value <= limit * (1 + rating.major) then return false, value, "M" end
  return false, value, "U"
end

return rating
