scenario { name = 'x', map = '../outside.geojson' }
