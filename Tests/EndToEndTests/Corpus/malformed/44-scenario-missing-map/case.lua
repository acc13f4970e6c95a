scenario { name = 'x', map = 'maps/missing.geojson' }
