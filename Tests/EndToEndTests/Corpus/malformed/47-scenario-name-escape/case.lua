scenario { name = '../../etc' }
