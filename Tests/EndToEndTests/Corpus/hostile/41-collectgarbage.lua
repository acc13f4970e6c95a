-- Stopping the collector to grow memory unseen.
-- expect: exit=1 stderr~"41-collectgarbage.lua:3:" stderr~"collectgarbage: only"
collectgarbage("stop")
