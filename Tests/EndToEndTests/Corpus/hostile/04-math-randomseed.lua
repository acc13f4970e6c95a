-- Reseeding the run's stream from the script.
-- expect: exit=1 stderr~"04-math-randomseed.lua:3:" stderr~"math.randomseed is disabled"
math.randomseed(1234)
