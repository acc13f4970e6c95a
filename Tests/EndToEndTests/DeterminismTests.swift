import Foundation
import Testing

/// Same scenario, seed and parameters: byte-identical outputs in separate
/// processes, even when the script schedules from pairs() over string keys.
@Suite struct DeterminismTests {
  @Test(arguments: [
    ("Tests/EndToEndTests/Fixtures/pairs-order.lua", []),
    ("scenarios/default.lua", ["--param", "compliance=0.8"]),
  ])
  func twoProcessesWriteIdenticalResults(scenario: String, extra: [String]) throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var outputs: [(Data, Data)] = []
    var replays: [[Data]] = []
    for run in ["a", "b"] {
      let out = folder.appendingPathComponent(run)
      let result = try CommandLine.run(
        ["run", scenario, "--seed", "11", "--out", out.path, "--quiet"] + extra)
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(
        (
          try Data(contentsOf: out.appendingPathComponent("summary.json")),
          try Data(contentsOf: out.appendingPathComponent("events.jsonl"))
        ))
      #expect(try CommandLine.run(["view", out.path]).status == 0)
      replays.append(
        try ["frames.jsonl", "frames.index.json", "report.html", "replay.html"].map {
          try Data(contentsOf: out.appendingPathComponent($0))
        })
    }
    #expect(outputs[0].0 == outputs[1].0)
    #expect(outputs[0].1 == outputs[1].1)
    #expect(!outputs[0].1.isEmpty)
    #expect(replays[0] == replays[1])
  }

  @Test func pairsOrderIsSortedKeyOrder() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(
      ["run", CommandLine.fixture("pairs-order.lua"), "--out", folder.path, "--quiet"])
    #expect(result.status == 0)
    let lines = try String(
      contentsOf: folder.appendingPathComponent("events.jsonl"), encoding: .utf8)
    // Each village is warned `step` seconds plus its delay after the start,
    // and steps follow sorted key order ("village-1", "village-10", ...).
    let warned = lines.split(separator: "\n").filter { $0.contains("\"kind\":\"warned\"") }
    #expect(warned.count == 40)
    #expect(lines.hasPrefix("{\"t\":0,\"kind\":\"run.start\""))
  }
}
