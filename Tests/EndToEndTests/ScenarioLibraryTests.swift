import Foundation
import Testing

/// The shipped hazard scenarios do what their headers promise on the real
/// terrain: the river flood wets a village centre and closes and reopens
/// roads; the forest fire burns forest and reaches a village.
@Suite struct HazardScenarioTests {
  /// Runs a shipped scenario; its metrics and event kinds.
  static func run(_ name: String) throws -> (metrics: [String: Double], kinds: [String]) {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(["run", "scenarios/\(name)", "--out", folder.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
    let object = try JSONSerialization.jsonObject(with: summary) as? [String: Any]
    let metrics = (object?["metrics"] as? [String: Any] ?? [:]).compactMapValues {
      ($0 as? NSNumber)?.doubleValue
    }
    let events = try String(
      contentsOf: folder.appendingPathComponent("events.jsonl"), encoding: .utf8)
    let kinds = events.split(separator: "\n").compactMap { line -> String? in
      guard let data = String(line).data(using: .utf8),
        let event = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return event["kind"] as? String
    }
    return (metrics, kinds)
  }

  @Test func riverFloodWetsAVillageAndClosesAndReopensRoads() throws {
    let (metrics, kinds) = try Self.run("levee-breach-night.lua")
    #expect((metrics["flood.villages_wet"] ?? 0) >= 1)
    #expect((metrics["flood.village_max_depth_m"] ?? 0) > 0.3)
    #expect((metrics["flood.roads_flooded"] ?? 0) > 0)
    #expect(kinds.contains("link.flooded"))
    #expect(kinds.contains("link.reopened"))
    // Both breaches let water onto the grid, and the grid holds it all.
    let levee = metrics["flood.levee_released_m3"] ?? 0
    let dam = metrics["flood.dam_released_m3"] ?? 0
    #expect(levee > 0 && dam > 0)
    let volume = metrics["flood.volume_m3"] ?? 0
    #expect(abs(volume - (levee + dam)) <= 1e-6 * volume)
  }

  @Test func forestFireReachesAVillageAndClosesRoads() throws {
    let (metrics, _) = try Self.run("forest-fire-wind.lua")
    #expect((metrics["fire.burned_area_m2"] ?? 0) > 100_000)
    #expect((metrics["fire.villages_reached"] ?? 0) >= 1)
    let first = metrics["fire.first_village_arrival_s"] ?? -1
    #expect(first > 0 && first < 4 * 3600)
    #expect((metrics["fire.roads_closed"] ?? 0) > 0)
  }
}
