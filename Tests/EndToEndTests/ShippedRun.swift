import Foundation

/// One run of a shipped scenario through the CLI, as its results folder
/// reports it: exit status, summary.json's status, metrics and
/// objectives, and the kinds of events.jsonl.
struct ShippedRun: Sendable {
  /// An objective of summary.json, decoded strictly: `pass` must be a JSON
  /// boolean and `rating` a string.
  struct Objective: Decodable, Sendable {
    let name: String
    let target: String
    let value: Double?
    let rating: String
    let pass: Bool
  }

  private struct Summary: Decodable {
    let status: String
    let metrics: [String: Double]
    let objectives: [Objective]
  }

  let exitStatus: Int32
  let stderr: String
  let status: String
  let metrics: [String: Double]
  let objectives: [Objective]
  let kinds: [String]

  /// Runs `scenarios/<name>` with its defaults into a temporary folder,
  /// reads the results and removes the folder.
  static func make(_ name: String) throws -> ShippedRun {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(
      ["run", "scenarios/\(name)", "--out", folder.path, "--quiet", "--no-report"])
    guard result.status == 0 else {
      return ShippedRun(
        exitStatus: result.status, stderr: result.stderr, status: "", metrics: [:],
        objectives: [], kinds: [])
    }
    let summary = try JSONDecoder().decode(
      Summary.self, from: Data(contentsOf: folder.appendingPathComponent("summary.json")))
    let events = try String(
      contentsOf: folder.appendingPathComponent("events.jsonl"), encoding: .utf8)
    let kinds = events.split(separator: "\n").compactMap { line -> String? in
      let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return event?["kind"] as? String
    }
    return ShippedRun(
      exitStatus: result.status, stderr: result.stderr, status: summary.status,
      metrics: summary.metrics, objectives: summary.objectives, kinds: kinds)
  }
}
