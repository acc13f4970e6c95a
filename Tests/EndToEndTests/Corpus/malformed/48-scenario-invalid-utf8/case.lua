scenario { name = 'x' }
-- Straﬂe
