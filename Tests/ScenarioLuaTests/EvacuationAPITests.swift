import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.evacuate` on a tiny inline map, checked against hand calculations.
@Suite struct EvacuationAPITests {
  /// Three nodes in a line, a path then a road to the school.
  ///
  /// a -(100 m path, 1 p/s)- b -(200 m road, 10 m/s, 0.5 veh/s)- c (school).
  /// Lowland at a: 4 persons in 4 households, walking 1 m/s; upland at b:
  /// 2 persons in 2 households. One person per household keeps the sizes
  /// fixed: the roster otherwise shares persons out at random.
  static let line = """
    scenario { name = "line", map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 },
                { id = "c", x = 300, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 1 },
                { id = "bc", from = "b", to = "c", length = 200, mode = "road", speed = 10,
                  capacity = 0.5 } },
      zones = { { id = "lowland", node = "a", population = 4, households = 4, walk_speed = 1.0 },
                { id = "upland", node = "b", population = 2, households = 2 } },
      facilities = { { id = "school", kind = "shelter", node = "c", capacity = 100 } },
    } }
    """

  /// Clearance times of two orders, by hand.
  ///
  /// Lowland walks after 30 s: all four singles reach b at 130 s and leave
  /// the path 1 p/s apart (130, 131, 132, 133 s), then walk the 200 m road
  /// at 1 m/s: safe at 330, 331, 332, 333 s. Upland drives at t = 100 s:
  /// 20 s on the road, the second car 1 / 0.5 = 2 s behind: 20 and 22 s
  /// after its order. Person-weighted over both (6 persons): 1 by 20 s, 2
  /// by 22, 3 by 330 (T50), 4 by 331, 5 by 332, 6 by 333 (T90 = T100).
  /// No shadow evacuation: upland stays until its own order.
  @Test func metricsMatchTheHandCalculation() throws {
    let outcome = try ScenarioHarness.run(
      Self.line + """

        local first = sim.evacuate { zones = { "lowland" }, mode = "walk", premovement = 30,
                                     shadow_share = 0 }
        sim.metric("ordered_households", first.households)
        sim.at(100, function()
          sim.evacuate { zones = "upland", mode = "drive", premovement = 0 }
        end)
        """)
    let m = outcome.metrics
    #expect(outcome.result.error == nil)
    #expect(m["ordered_households"] == 4)
    #expect(m["evacuation.lowland.t50_s"] == 331)
    #expect(m["evacuation.lowland.t100_s"] == 333)
    #expect(m["evacuation.upland.t100_s"] == 22)
    #expect(m["evacuation.t50_s"] == 330)
    #expect(m["evacuation.t90_s"] == 333)
    #expect(m["evacuation.t100_s"] == 333)
    #expect(m["evacuation.safe"] == 6)
    #expect(m["evacuation.persons"] == 6)
    #expect(m["evacuation.shadow"] == 0)
    #expect(m["evacuation.sheltered_in_place"] == 0)
    #expect(m["shelter.school.peak"] == 6)
    #expect(m["evacuation.missing"] == 0)
    #expect(m["evacuation.confirmed_all_s"] == 333)
    #expect(m["evacuation.safe_share"] == 1)
    #expect(outcome.result.simEnd.seconds == 333)
    #expect(outcome.kinds.filter { $0 == "evacuation.order" }.count == 2)
    #expect(outcome.kinds.last == "evacuation.settled")
  }

  /// Cutting the only road strands everyone: they shelter in place, the
  /// run ends, and handlers of the evacuation's events run.
  @Test func cuttingEveryRouteSheltersEveryoneInPlace() throws {
    let outcome = try ScenarioHarness.run(
      Self.line + """

        sim.on("evacuation.settled", function(e)
          sim.log("settled " .. e.safe .. " " .. e.sheltered_in_place .. " " .. e.turned_back)
        end)
        sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        sim.at(50, function() sim.map.close_link("bc") end)
        """)
    let m = outcome.metrics
    // Lowland's walkers are still on the path at 50 s: they reach b, find
    // no route and stay; upland's walkers (1.34 m/s) are on the road, turn
    // back to b and stay there.
    #expect(m["evacuation.safe"] == 0)
    #expect(m["evacuation.sheltered_in_place"] == 6)
    #expect(m["evacuation.turned_back"] == 2)
    #expect(m["evacuation.t50_s"] == nil)
    #expect(ScenarioHarness.messages(outcome) == ["settled 0 6 2"])
  }

  /// A full shelter sends the rest on; `shelter.full` starts handlers.
  @Test func aFullShelterOverflowsAndSaysSo() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "two", map = {
        nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 10, y = 0 }, { id = "c", x = -30, y = 0 } },
        links = { { id = "ab", from = "a", to = "b", length = 10, mode = "path", capacity = 10 },
                  { id = "ac", from = "a", to = "c", length = 30, mode = "path", capacity = 10 } },
        zones = { { id = "z", node = "a", population = 6, households = 6, walk_speed = 1 } },
        facilities = { { id = "hall", kind = "shelter", node = "b", capacity = 4 },
                       { id = "gym", kind = "shelter", node = "c", capacity = 10 } },
      } }
      sim.on("shelter.full", function(e) sim.log(e.shelter .. " full at " .. sim.now()) end)
      sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
      """)
    let m = outcome.metrics
    #expect(m["shelter.hall.peak"] == 4)
    #expect(m["shelter.gym.peak"] == 2)
    // Six singles leave the 10 p/s path 0.1 s apart: the hall fills with
    // the fourth at 10.3 s; the sixth arrives at 10.5 s, walks back 10 m
    // and on 30 m.
    #expect(m["evacuation.t100_s"] == 50.5)
    #expect(ScenarioHarness.messages(outcome) == ["hall full at 10.3"])
  }

  @Test func curvesGoToTheMetricSeries() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-evac-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(
      (Self.line + """

        sim.evacuate { zones = "all", mode = "walk",
                       premovement = { dist = "lognormal", mu = 4.586, sigma = 0.967 } }
        """).utf8
    ).write(to: file)
    let scenario = try LuaScenario(path: file.path, options: RunOptions(seed: 3), sink: EventLog())
    let result = scenario.run()
    #expect(result.error == nil)
    let points = scenario.metricSeries.points.filter { $0.name == "evacuation.safe_share" }
    #expect(points.count > 3)
    #expect(
      zip(points, points.dropFirst()).allSatisfy { $0.value <= $1.value && $0.time < $1.time })
    #expect(points.last?.value == 1)
    #expect(scenario.metricSeries.points.contains { $0.name == "evacuation.departed_share" })
  }

  @Test(arguments: [
    ("zones = { 'nowhere' }", "no zone 'nowhere'"),
    ("zones = 'all', to = 'church'", "no shelter 'church'"),
    ("zones = 'all', mode = 'fly'", "field 'mode'"),
    ("zones = 'all', premovement = { dist = 'lognormal', mu = 1 }", "lognormal needs 'sigma'"),
    ("zone = 'all'", "unknown field 'zone'"),
  ])
  func badOrdersNameTheField(fields: String, message: String) throws {
    let outcome = try ScenarioHarness.run(
      Self.line + "\nsim.process(function() sim.evacuate { \(fields) } end)")
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
