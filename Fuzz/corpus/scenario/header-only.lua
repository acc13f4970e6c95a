scenario { name = "bare", duration = 3600, seed = 0 }
