scenario { name = 'x', duration = 0/0 }
