scenario { name = "inline", duration = hours(3), seed = 42, start = "2024-06-01T08:00",
  description = "two zones walking to a school", map = {
  nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 }, { id = "c", x = 100, y = 80 } },
  links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 1 },
            { id = "bc", from = "b", to = "c", mode = "road", lanes = 2, speed = 13.9, oneway = true, class = "residential" } },
  zones = { { id = "east", node = "a", population = 50, households = 1, walk_speed = 1.0,
              groups = { elderly = 0.25 }, grid = "g1", name = "East" } },
  grids = { { id = "g1", zone = "east", responsible = "fire" } },
  facilities = { { id = "school", kind = "shelter", node = "b", capacity = 500, opens_at = 60 },
                 { id = "sub", kind = "substation", node = "c", powers = { "east" } } },
} }
