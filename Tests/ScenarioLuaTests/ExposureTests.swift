import Foundation
import Scenario
import Testing

/// `evacuation.exposed_person_min`: person-minutes spent where a hazard is
/// over its threshold, sampled on the movement's 60 s clock.
@Suite struct ExposureTests {
  /// A pit beside high ground.
  ///
  /// 300 m x 100 m of 10 m cells: a pit at z = 0 for x < 30 m, z = 5 m
  /// elsewhere. Wet (2 singles) stands in the pit at a; dry (1 single) on
  /// high ground at b, where the hall is.
  static let terrain = HazardHarness.grid(columns: 30, rows: 10, cellSize: 10) { x, _ in
    x < 30 ? 0 : 5
  }

  static func run(fill: Bool) throws -> ScenarioHarness.Outcome {
    try HazardHarness.run(
      """
      scenario { name = "pit", terrain = "dem.asc", duration = 3600, map = {
        nodes = { { id = "a", x = 15, y = 50 }, { id = "b", x = 285, y = 50 } },
        links = { { id = "ab", from = "a", to = "b", length = 270, mode = "path" } },
        zones = { { id = "wet", node = "a", population = 2, households = 2 },
                  { id = "dry", node = "b", population = 1, households = 1 } },
        facilities = { { id = "hall", kind = "shelter", node = "b", capacity = 10 } },
      } }
      \(fill ? "sim.flood.fill { level = 1 }" : "")
      sim.evacuate { zones = "all", mode = "walk", premovement = 300 }
      """, files: ["dem.asc": Self.terrain])
  }

  /// Only the time spent waiting in the water counts.
  ///
  /// The pit holds 1 m of water, over the 0.5 m walking threshold: the two
  /// singles of wet wait at home from the order at 0 until they leave at
  /// 300 s, counted at the flood steps and movement samples every 60 s up to
  /// 300 s (each sample counts the time since the last): 2 x 300 s = 10
  /// person-minutes. Dry stays dry, and the path's midpoint (150 m) is
  /// high ground, so nothing more counts; without water nothing does.
  @Test func peopleWaitingInTheWaterCount() throws {
    let flooded = try Self.run(fill: true)
    #expect(flooded.result.error == nil, "\(flooded.result.error ?? "")")
    #expect(flooded.metrics["evacuation.exposed_person_min"] == 10)
    let dry = try Self.run(fill: false)
    #expect(dry.metrics["evacuation.exposed_person_min"] == 0)
  }
}
