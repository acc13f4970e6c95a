scenario { name = "grid", terrain = "dem.asc", duration = 600 }
