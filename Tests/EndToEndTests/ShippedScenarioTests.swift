import Foundation
import Testing

/// Every shipped scenario runs to completion with its defaults, and every
/// objective it sets is rated.
///
/// The scenarios are read from the `scenarios/` folder, so a scenario
/// added later is covered without touching this suite; only the editor
/// stub `drillsim.d.lua` is skipped.
@Suite struct ShippedScenarioTests {
  static var scenarios: [String] {
    let folder = CommandLine.repository.appendingPathComponent("scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".lua") && $0 != "drillsim.d.lua" }.sorted()
  }

  @Test func thereAreShippedScenarios() {
    for name in [
      "default.lua", "mmc-queue.lua", "levee-breach-night.lua", "forest-fire-wind.lua",
      "flash-flood-debris-flow.lua", "three-cuts-flood.lua", "weekend-fire-school-farmstay.lua",
      "yearly-drill.lua",
    ] {
      #expect(Self.scenarios.contains(name), "\(name)")
    }
  }

  @Test(arguments: ShippedScenarioTests.scenarios)
  func scenarioRunsAndRatesItsObjectives(name: String) async throws {
    let run = try await ShippedRuns.shared.run(name)
    #expect(run.exitStatus == 0, "\(run.stderr)")
    #expect(run.status == "complete")
    #expect(!run.objectives.isEmpty, "\(name) sets no objective")
    for objective in run.objectives {
      #expect(["P", "S", "M", "U"].contains(objective.rating), "\(name): \(objective.name)")
    }
  }

  /// The README's "Scenarios" list names every shipped scenario.
  @Test func theReadmeListsEveryScenario() throws {
    let readme = try String(
      contentsOf: CommandLine.repository.appendingPathComponent("README.md"), encoding: .utf8)
    for name in Self.scenarios {
      #expect(readme.contains("`scenarios/\(name)`"), "\(name) is missing from README.md")
    }
  }

  @Test func runWithoutAScenarioUsesTheDefault() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(["run", "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("results: "))
  }
}
