scenario { name = 'x', map = { nodes = { { id = 'a', x = 0/0, y = 0 }, { id = 'b', x = 10, y = 0 } },
  links = { { id = 'ab', from = 'a', to = 'b' } } } }
