import Foundation
import Testing

/// A sweep killed with SIGKILL at any moment loses at most the runs in
/// flight, never stores a run twice, and resumes to the same store as an
/// uninterrupted sweep.
@Suite(.serialized) struct SweepKillTests {
  /// Slow runs (a busy loop per run), so that kills land mid-sweep.
  static let slow = ["--param", "work=2000000", "--jobs", "2"]

  @Test func killedSweepsResumeToTheSameStore() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = folder.appendingPathComponent("reference")
    _ = try SweepCommandTests.sweep(reference, Self.slow)
    let expected = try SweepCommandTests.export(reference)
    var partial: [Int] = []
    // Kill points from just after start to near the end of a ~2-4 s sweep.
    for (n, delay) in [0.15, 0.5, 0.9, 1.4, 2.0].enumerated() {
      let out = folder.appendingPathComponent("killed-\(n)")
      let process = Process()
      process.executableURL = CommandLine.binary
      process.arguments =
        ["sweep", SweepCommandTests.scenario] + SweepCommandTests.grid
        + ["--out", out.path, "--quiet"] + Self.slow
      process.currentDirectoryURL = CommandLine.repository
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let stored = try SweepCommandTests.storedRuns(out)
      if process.terminationReason == .uncaughtSignal { partial.append(max(stored, 0)) }
      #expect(stored <= 24)
      _ = try SweepCommandTests.sweep(out, Self.slow)
      #expect(try SweepCommandTests.storedRuns(out) == 24)
      #expect(try SweepCommandTests.export(out) == expected, "kill after \(delay) s")
    }
    // At least one kill must have hit a sweep in the middle, or the test
    // showed nothing about resuming.
    #expect(partial.contains { $0 > 0 && $0 < 24 }, "stored at the kills: \(partial)")
  }
}
