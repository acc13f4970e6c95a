import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.population{ extra = ... }`: persons present on top of a zone's
/// population on the day of the scenario.
@Suite struct ExtraPersonsTests {
  /// A farm at a, a kindergarten (school facility) at b, the hall at c.
  static let farm = """
    scenario { name = "farm", map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 },
                { id = "c", x = 300, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 1 },
                { id = "bc", from = "b", to = "c", length = 200, mode = "road", speed = 10,
                  capacity = 0.5 } },
      zones = { { id = "farm", node = "a", population = 4, households = 2 },
                { id = "village", node = "b", population = 2, households = 2 } },
      facilities = { { id = "hall", kind = "shelter", node = "c", capacity = 100 },
                     { id = "kindergarten", kind = "school", node = "b" } },
    } }
    """

  /// Seven guests come in three parties (3, 2, 2) beside the farm's two
  /// households; twelve children are one unit that waits for a team.
  @Test func guestsAndChildrenJoinTheOrderedZones() throws {
    let outcome = try ScenarioHarness.run(
      Self.farm + """

        sim.population { extra = { { zone = "farm", group = "visitors", persons = 4 },
                                   { zone = "village", group = "school", persons = 12 },
                                   { zone = "farm", group = "visitors", persons = 3 } } }
        local ordered = sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        sim.metric("ordered_households", ordered.households)
        sim.metric("ordered_persons", ordered.persons)
        """)
    let m = outcome.metrics
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(m["ordered_households"] == Double(2 + 3 + 2))
    #expect(m["ordered_persons"] == Double(4 + 7 + 2))
    #expect(m["evacuation.awaiting_assistance"] == 12)
    #expect(m["evacuation.safe"] == 13)
  }

  /// Without extra persons the zones hold only the map's population.
  @Test func withoutExtraTheMapsPopulationLeaves() throws {
    let outcome = try ScenarioHarness.run(
      Self.farm + """

        local ordered = sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        sim.metric("ordered_persons", ordered.persons)
        """)
    #expect(outcome.metrics["ordered_persons"] == 6)
    #expect(outcome.metrics["evacuation.awaiting_assistance"] == 0)
  }

  @Test(arguments: [
    ("{ { zone = 'nowhere', group = 'visitors', persons = 3 } }", "no zone 'nowhere'"),
    ("{ { zone = 'farm', group = 'tourists', persons = 3 } }", "unknown group 'tourists'"),
    ("{ { zone = 'farm', group = 'visitors', persons = -1 } }", "persons must be"),
    ("{ { zone = 'farm', group = 'visitors', persons = 2.5 } }", "extra[1]"),
    ("{ { zone = 'farm', group = 'visitors', persons = 3, age = 9 } }", "unknown field"),
    ("{ zone = 'farm' }", "field 'extra' must be a list"),
  ])
  func badEntriesNameTheField(extra: String, message: String) throws {
    let outcome = try ScenarioHarness.run(
      Self.farm + "\nsim.process(function() sim.population { extra = \(extra) } end)")
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
