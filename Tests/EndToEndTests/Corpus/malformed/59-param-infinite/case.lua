sim.param('delay', { default = 60 })
