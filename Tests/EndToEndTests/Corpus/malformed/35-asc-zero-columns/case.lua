scenario { name = "grid", terrain = "dem.asc", duration = 600 }
sim.flood.fill { level = 5 }
