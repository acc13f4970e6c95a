scenario { name = 'x' }
