import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.population{ walk_speed = ... }`: a household walks at its slowest
/// member group's speed, measured end to end on a 300 m path.
@Suite struct GroupWalkSpeedTests {
  /// One person in one household at a, the hall 300 m away at c.
  static let lonePerson = """
    scenario { name = "pace", duration = 7200, map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "c", x = 300, y = 0 } },
      links = { { id = "ac", from = "a", to = "c", length = 300, mode = "path" } },
      zones = { { id = "v", node = "a", population = 1, households = 1 } },
      facilities = { { id = "hall", kind = "shelter", node = "c", capacity = 10 } },
    } }
    """

  /// Clearance of the lone villager, of the group `group`, under `population`.
  static func clearance(_ population: String, group: String) throws -> Double? {
    let outcome = try ScenarioHarness.run(
      lonePerson + """
        sim.population { elderly_alone_assistance_share = 0, \(population) }
        sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    return outcome.metrics["group.\(group).t100_s"]
  }

  /// 300 m at the zone's 1.34 m/s with no cap (the default), at a stated
  /// 0.85 or 0.5 m/s, and at the zone's speed again when the cap is lifted.
  @Test func elderlyWalkAtTheirOwnPace() throws {
    let adult = try #require(try Self.clearance("group_shares = {}", group: "residents"))
    #expect(abs(adult - 300 / 1.34) <= 0.5)
    let uncapped = try #require(
      try Self.clearance("group_shares = { elderly = 1 }", group: "elderly"))
    #expect(abs(uncapped - 300 / 1.34) <= 0.5)
    let elderly = try #require(
      try Self.clearance(
        "group_shares = { elderly = 1 }, walk_speed = { elderly = 0.85 }", group: "elderly"))
    #expect(abs(elderly - 300 / 0.85) <= 0.5)
    let slower = try #require(
      try Self.clearance(
        "group_shares = { elderly = 1 }, walk_speed = { elderly = 0.5 }", group: "elderly"))
    #expect(abs(slower - 600) <= 0.5)
    let lifted = try #require(
      try Self.clearance(
        "group_shares = { elderly = 1 }, walk_speed = { elderly = false }", group: "elderly"))
    #expect(abs(lifted - 300 / 1.34) <= 0.5)
  }

  /// An unknown group and a speed that is not positive are refused by name.
  @Test func badSpeedsAreRefused() throws {
    for (spec, message) in [
      ("walk_speed = { grannies = 0.8 }", "field 'walk_speed': unknown group 'grannies'"),
      ("walk_speed = { elderly = 0 }", "field 'walk_speed': { <group> = speed in m/s > 0"),
      ("walk_speed = 0.8", "field 'walk_speed': { <group> = speed in m/s > 0"),
    ] {
      #expect {
        try ScenarioHarness.run(Self.lonePerson + "\nsim.population { \(spec) }\n")
      } throws: { error in
        "\(error)".contains(message)
      }
    }
  }
}
