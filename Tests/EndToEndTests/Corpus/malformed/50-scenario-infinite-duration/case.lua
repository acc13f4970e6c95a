scenario { name = 'x', duration = math.huge }
