scenario { name = 'x', terrain = 'dem.asc', duration = 600 }
sim.flood.inflow { x = 15, y = 15, m3_per_s = 'inflow.csv' }
