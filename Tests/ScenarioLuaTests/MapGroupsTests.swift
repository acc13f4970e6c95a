import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.population` groups derived from the map's facilities and stated
/// shares, and the clearance per group they give in summary.json.
@Suite struct MapGroupsTests {
  /// A village at a (10 persons in 4 households, no groups), a guest house
  /// at b, the hall at c; a kindergarten at a.
  static let village = """
    scenario { name = "groups", duration = 7200, map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 50, y = 0 },
                { id = "c", x = 300, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 50, mode = "path" },
                { id = "bc", from = "b", to = "c", length = 250, mode = "path" } },
      zones = { { id = "v", node = "a", population = 10, households = 4 } },
      facilities = { { id = "hall", kind = "shelter", node = "c", capacity = 100 },
                     { id = "inn", kind = "lodging", node = "b" },
                     { id = "kita", kind = "school", node = "a" } },
    } }
    """

  /// Half the villagers are elderly; the inn's 6 guests come in two
  /// parties of 3; the kindergarten's 20 are one unit waiting for a team.
  @Test func groupsFromTheMapHaveClearanceTimes() throws {
    let outcome = try ScenarioHarness.run(
      Self.village + """
        sim.population { group_shares = { elderly = 0.5 }, lodging_guests = 6,
                         school_persons = 20 }
        sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    #expect(m["group.visitors.persons"] == 6)
    #expect(m["group.visitors.t100_s"] != nil)
    #expect((m["group.elderly.persons"] ?? 0) >= 5)
    #expect(m["group.elderly.t100_s"] != nil)
    #expect(m["evacuation.awaiting_assistance"] == 20)
    #expect(m["group.school.persons"] == nil)
  }

  /// Out of session the kindergarten is empty; a negative count is refused.
  @Test func schoolHoursAndBadCounts() throws {
    let night = try ScenarioHarness.run(
      Self.village + """
        sim.population { school_persons = 20, school_in_session = false }
        sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        """)
    #expect(night.metrics["evacuation.awaiting_assistance"] == 0)
    #expect {
      try ScenarioHarness.run(
        Self.village + """
          sim.population { lodging_guests = -1 }
          """)
    } throws: { error in
      "\(error)".contains("field 'lodging_guests' must be a whole number >= 0")
    }
  }
}
