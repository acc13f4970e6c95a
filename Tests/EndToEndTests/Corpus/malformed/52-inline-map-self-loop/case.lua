scenario { name = 'x', map = { nodes = { { id = 'a', x = 0, y = 0 } },
  links = { { id = 'aa', from = 'a', to = 'a' } } } }
