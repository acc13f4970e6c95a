import Scenario
import Testing

/// `scenario{ map = ... }` and `sim.map`: an inline township, routes,
/// closures and the errors a planner sees.
@Suite struct MapTests {
  static let square = """
    scenario { name = "square", map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 },
                { id = "c", x = 100, y = 100 }, { id = "d", x = 0, y = 100 } },
      links = { { id = "ab", from = "a", to = "b", mode = "road", speed = 10 },
                { id = "bc", from = "b", to = "c", mode = "road", speed = 10, oneway = true },
                { id = "ad", from = "a", to = "d", mode = "road", speed = 5 },
                { id = "dc", from = "d", to = "c", mode = "path" } },
      zones = { { id = "lowland", node = "a", population = 100, households = 35 } },
      facilities = { { id = "school", kind = "shelter", node = "c", capacity = 500 } },
    } }
    """

  @Test func routesFollowTheFastestOpenLinks() throws {
    let outcome = try ScenarioHarness.run(
      Self.square + """

        local r = sim.map.route("lowland", "school", { mode = "drive" })
        sim.metric("drive_s", r.seconds)
        sim.log(table.concat(r.links, ","))
        sim.map.close_link("bc")
        local detour, why = sim.map.route("lowland", "school", { mode = "drive" })
        sim.log(tostring(detour) .. " " .. why)
        sim.metric("walk_s", sim.map.travel_time("lowland", "school", { mode = "walk", speed = 1 }))
        sim.map.open_link("bc")
        sim.metric("again_s", sim.map.travel_time("a", "school", { mode = "drive" }))
        """)
    #expect(outcome.metrics["drive_s"] == 20)
    // With bc closed, cars cannot reach c (dc is a footpath); walkers go a-d-c.
    #expect(ScenarioHarness.messages(outcome) == ["ab,bc", "nil unreachable"])
    #expect(outcome.metrics["walk_s"] == 200)
    #expect(outcome.metrics["again_s"] == 20)
    #expect(outcome.kinds.filter { $0.hasPrefix("link.") } == ["link.closed", "link.opened"])
  }

  @Test func oneWayLinksAreNotDrivenBackwards() throws {
    let outcome = try ScenarioHarness.run(
      Self.square + """

        sim.metric("back_s", sim.map.travel_time("school", "lowland", { mode = "drive" }) or -1)
        """)
    #expect(outcome.metrics["back_s"] == -1)
  }

  @Test func queriesListZonesFacilitiesAndNearbyLinks() throws {
    let outcome = try ScenarioHarness.run(
      Self.square + """

        local z = sim.map.zones()[1]
        sim.log(z.id .. " " .. z.node .. " " .. z.households)
        sim.log(sim.map.facilities("shelter")[1].id .. " " .. #sim.map.facilities("depot"))
        sim.log(table.concat(sim.map.links_near(50, 2, 10), ","))
        sim.log(sim.map.nearest_node(95, 90))
        sim.metric("road_m", sim.map.info().road_length_m)
        """)
    #expect(ScenarioHarness.messages(outcome) == ["lowland a 35", "school 0", "ab", "c"])
    #expect(outcome.metrics["road_m"] == 300)
  }

  @Test(arguments: [
    ("links = { { id = 'l', from = 'a', to = 'zz' } }", "map.links[1]"),
    ("roads = {}", "unknown key 'roads'"),
    ("nodes = { { id = 'b', x = 1, y = 1, z = 0 } }", "map.nodes[1]: unknown key 'z'"),
  ])
  func badInlineMapsAreInvalidInput(layer: String, message: String) throws {
    let source =
      "scenario { name = 'x', map = { nodes = { { id = 'a', x = 0, y = 0 } }, \(layer) } }"
    do {
      _ = try ScenarioHarness.run(source)
      Issue.record("expected invalid input")
    } catch let error as ScenarioError {
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.contains("scenario.lua:1:"))
    }
  }

  @Test func mapQueriesWithoutAMapSayWhy() throws {
    let outcome = try ScenarioHarness.run("sim.process(function() sim.map.info() end)")
    #expect(outcome.result.error?.contains("this scenario has no map") == true)
  }
}
