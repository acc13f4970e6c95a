import Foundation
import Testing

/// Invalid input: exit code 2, a message naming file and line or field,
/// and no summary.json claiming success.
@Suite struct BadInputTests {
  static let cases: [(source: String, arguments: [String], message: String)] = [
    ("scenario { name = 'x' }\nlocal = 3", [], "case.lua:2:"),
    ("scenario { name = 'x', durattion = 60 }", [], "unknown scenario field 'durattion'"),
    ("scenario { name = 'x', map = 'maps/missing.geojson' }", [], "scenario field 'map'"),
    ("sim.param('teams', { default = 3, max = 5 })", ["--param", "teams=9"], "above the maximum"),
    ("sim.param('teams', { default = 3 })", ["--param", "crews=2"], "no parameter 'crews'"),
    ("sim.param('teams', { default = 3 })", ["--param", "teams"], "expected name=value"),
    ("sim.param('teams', { default = 3 })", ["--param", "teams=many"], "not a number"),
    ("scenario { name = 'x' }", ["--seed", "-4"], "--seed"),
    ("scenario { name = 'x' }", ["--bogus"], "bogus"),
  ]

  @Test(arguments: 0..<BadInputTests.cases.count)
  func badInputExitsWithTwo(index: Int) throws {
    let (source, arguments, message) = Self.cases[index]
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try CommandLine.scenario(source, in: folder)
    let out = folder.appendingPathComponent("out")
    let result = try CommandLine.run(["run", path, "--out", out.path] + arguments)
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(
      !FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
  }

  @Test func missingScenarioFile() throws {
    let result = try CommandLine.run(["run", "scenarios/no-such-scenario.lua"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no-such-scenario.lua"))
  }

  @Test func checkReportsDeclaredParameters() throws {
    let result = try CommandLine.run(["check", "scenarios/mmc-queue.lua"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("param servers = 3: number of servers c"))
  }
}
