import Foundation
import Testing

/// `drillsim run` killed with SIGKILL at any moment leaves a complete
/// result or one marked as incomplete (summary.json `"status": "running"`),
/// and `report`, `view` and `replay` refuse the incomplete one with exit
/// code 2 and a clear message.
@Suite(.serialized) struct RunKillTests {
  static let scenario = CommandLine.fixture("slow-run.lua")

  enum Outcome: Equatable { case nothing, incomplete, complete }

  @Test func killedRunsLeaveACompleteOrAMarkedResult() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var outcomes: [Outcome] = []
    // From before the folder exists to after the run has ended.
    for (n, delay) in [0.02, 0.1, 0.3, 0.6, 1.0, 1.6, 2.5, 60].enumerated() {
      let out = folder.appendingPathComponent("run-\(n)")
      let process = Process()
      process.executableURL = CommandLine.binary
      process.arguments = ["run", Self.scenario, "--out", out.path, "--quiet"]
      process.currentDirectoryURL = CommandLine.repository
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let deadline = Date().addingTimeInterval(delay)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      let outcome = try Self.inspect(out, after: delay)
      outcomes.append(outcome)
      if delay == 60 { #expect(outcome == .complete, "an unkilled run must complete") }
    }
    // At least one kill must have landed mid-run, or the test showed
    // nothing about incomplete results.
    #expect(outcomes.contains(.incomplete), "outcomes: \(outcomes)")
  }

  /// Checks the folder a (possibly killed) run left and says what it holds.
  static func inspect(_ out: URL, after delay: Double) throws -> Outcome {
    let summary = out.appendingPathComponent("summary.json")
    guard let data = FileManager.default.contents(atPath: summary.path) else {
      // Killed before the folder was marked: it may exist, but holds no
      // result file at all.
      let files = try ResultFolder.files(out).filter { !$0.hasPrefix(".") }
      #expect(files.isEmpty, "kill after \(delay) s left unmarked files: \(files)")
      return .nothing
    }
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let status = object["status"] as? String
    if status == "running" {
      for command in ["report", "view", "replay"] {
        let bounded = try CommandLine.run([command, out.path], timeout: 60)
        #expect(!bounded.timedOut && !bounded.result.crashed)
        #expect(bounded.result.status == 2, "\(command): \(bounded.result.stderr)")
        #expect(bounded.result.stderr.contains("the run did not finish"), "\(command)")
      }
      return .incomplete
    }
    #expect(status == "complete", "kill after \(delay) s: status \(status ?? "-")")
    let files = try #require(object["files"] as? [String])
    #expect(files.contains("events.jsonl") && files.contains("run.log"))
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("frames.index.json").path))
    for name in files {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
    }
    let events = try String(
      contentsOf: out.appendingPathComponent("events.jsonl"), encoding: .utf8)
    for line in events.split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
    }
    let replay = try CommandLine.run(["replay", out.path, "--at", "30m"], timeout: 60)
    #expect(replay.result.status == 0, "\(replay.result.stderr)")
    return .complete
  }
}
