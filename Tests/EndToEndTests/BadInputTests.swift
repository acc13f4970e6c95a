import Foundation
import Testing

/// Invalid input that needs no corpus folder (the malformed inputs are in
/// `Corpus/malformed/`, run by MalformedCorpusTests), and the declared
/// parameters `check` prints.
@Suite struct BadInputTests {
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
