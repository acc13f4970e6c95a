import Foundation
import Testing

/// Every hostile script in `Corpus/hostile/` through `drillsim run`: the
/// exit code and message its header names, within a deadline (a hang
/// fails), never a signal, and no summary.json that claims success.
@Suite struct HostileCorpusTests {
  /// Small limits, so budget and memory kills come in well under a second.
  static let limits = ["--max-instructions", "20000000", "--max-memory-mb", "64"]

  @Test func corpusCoversTheSandboxSuite() throws {
    #expect(try CorpusCase.hostile().count >= 25)
  }

  @Test(arguments: try CorpusCase.hostile())
  func hostileScriptFailsCleanly(_ item: CorpusCase) throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let marker = "/tmp/drillsim-owned"
    try? FileManager.default.removeItem(atPath: marker)
    let bounded = try CommandLine.run(
      ["run", item.url.path, "--out", out.path, "--quiet"] + Self.limits + item.arguments,
      timeout: 60)
    let result = bounded.result
    #expect(!bounded.timedOut, "\(item): still running after 60 s")
    #expect(!result.crashed, "\(item): killed by a signal: \(result.stderr)")
    #expect(result.status == item.status, "\(item): \(result.stderr)")
    for fragment in item.fragments {
      #expect(result.stderr.contains(fragment), "\(item): \(result.stderr)")
    }
    #expect(try ResultFolder.status(out) != "complete", "\(item): summary.json claims success")
    #expect(!FileManager.default.fileExists(atPath: marker), "\(item) reached the file system")
  }
}
