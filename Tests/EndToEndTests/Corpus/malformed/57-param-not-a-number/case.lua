sim.param('teams', { default = 3 })
