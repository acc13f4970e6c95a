-- An inconsistent comparator on a long list.
-- expect: exit=1 stderr~"invalid order function"
local list = {}
for i = 1, 1000 do list[i] = i end
table.sort(list, function() return true end)
