import Foundation
import Testing

/// `drillsim run` records frames without changing results; `drillsim
/// replay` reads them in a terminal.
@Suite struct ReplayCommandTests {
  @Test func framesChangeNoOtherOutput() throws {
    let with = try RecordedRun.make(["scenarios/default.lua", "--seed", "3"])
    let without = try RecordedRun.make(
      ["scenarios/default.lua", "--seed", "3", "--frame-interval", "0", "--no-report"])
    defer {
      with.remove()
      without.remove()
    }
    for name in ["summary.json", "events.jsonl"] {
      #expect(
        try Data(contentsOf: with.file(name)) == Data(contentsOf: without.file(name)), "\(name)")
    }
    #expect(FileManager.default.fileExists(atPath: with.file("frames.jsonl").path))
    #expect(!FileManager.default.fileExists(atPath: without.file("frames.jsonl").path))
    #expect(!FileManager.default.fileExists(atPath: without.file("report.html").path))
    // One frame a minute from 0 to the end (inclusive), after the header.
    #expect(try with.frameLines().count == 1 + Int(with.simEnd() / 60) + 1)
  }

  @Test func replayAtATimePrintsTheFramesCountsAndClock() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    for seconds in [1800.0, 2730, 9000] {
      let result = try CommandLine.run(["replay", run.folder.path, "--at", "\(Int(seconds))"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("== \(try run.expectedClock(at: seconds))"))
      #expect(result.stdout.contains("  closed: \(try run.closedLinks(at: seconds))\n"))
    }
  }

  @Test func replayStepsThroughEventsAndStates() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    let result = try CommandLine.run(["replay", run.folder.path, "--at", "40m", "--step", "10m"])
    #expect(result.status == 0, "\(result.stderr)")
    let states = result.stdout.split(separator: "\n").filter { $0.hasPrefix("== ") }
    // 40, 50, ... minutes up to the end of the run.
    #expect(states.count == Int((try run.simEnd() - 2400) / 600) + 1)
    #expect(result.stdout.contains("link.flooded"))
    #expect(!result.stdout.contains("warning.issued"))  // at 5 min, before --at
  }

  @Test func replayOfAFolderWithoutARunIsInvalidInput() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(["replay", folder.path, "--at", "60"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("summary.json"))
    #expect(try CommandLine.run(["view", folder.path]).status == 2)
    #expect(try CommandLine.run(["report", folder.path]).status == 2)
  }
}
