sim.param('teams', { default = 3, max = 5 })
