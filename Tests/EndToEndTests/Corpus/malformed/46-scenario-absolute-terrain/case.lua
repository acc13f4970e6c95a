scenario { name = 'x', terrain = '/etc/passwd' }
