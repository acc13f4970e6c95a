scenario { name = 'x' }
local = 3
