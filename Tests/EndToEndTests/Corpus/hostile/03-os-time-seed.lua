-- Seeding from the wall clock: the os library is not there at all.
-- expect: exit=1 stderr~"'os' is not available"
math.randomseed(os.time())
