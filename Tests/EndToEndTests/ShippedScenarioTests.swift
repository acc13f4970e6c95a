import Foundation
import Testing

/// Every shipped scenario runs to completion with its defaults.
@Suite struct ShippedScenarioTests {
  static var scenarios: [String] {
    let folder = CommandLine.repository.appendingPathComponent("scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".lua") && !$0.hasSuffix(".d.lua") }.sorted()
  }

  @Test func thereAreShippedScenarios() {
    #expect(Self.scenarios.contains("default.lua"))
    #expect(Self.scenarios.contains("mmc-queue.lua"))
  }

  @Test(arguments: ShippedScenarioTests.scenarios)
  func scenarioRuns(name: String) throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(["run", "scenarios/\(name)", "--out", folder.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try String(
      contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(summary.contains("\"status\": \"complete\""))
    // Every objective is rated on the P/S/M/U scale.
    let parsed = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
    let objectives = parsed?["objectives"] as? [[String: Any]] ?? []
    #expect(!objectives.isEmpty, "\(name) declares no objective")
    for objective in objectives {
      #expect(["P", "S", "M", "U"].contains(objective["rating"] as? String ?? ""), "\(objective)")
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
