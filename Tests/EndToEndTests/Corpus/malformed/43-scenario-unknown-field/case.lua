scenario { name = 'x', durattion = 60 }
