import Foundation

/// A run of a scenario in a temporary folder, and its frames as the test
/// reads them itself (not through drillsim's reader).
struct RecordedRun {
  let folder: URL

  /// Runs `scenario` (default: the shipped default) into a new folder.
  static func make(_ arguments: [String] = ["scenarios/default.lua"]) throws -> RecordedRun {
    let folder = try CommandLine.temporaryFolder()
    let result = try CommandLine.run(["run"] + arguments + ["--out", folder.path, "--quiet"])
    guard result.status == 0 else {
      throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
    }
    return RecordedRun(folder: folder)
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

  /// frames.jsonl's lines as JSON objects: the header, then the frames.
  func frameLines() throws -> [[String: Any]] {
    let text = try String(contentsOf: file("frames.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }
  }

  /// The run's end in sim seconds, from summary.json.
  func simEnd() throws -> Double {
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: file("summary.json")))
    return ((summary as? [String: Any])?["sim_end_s"] as? NSNumber)?.doubleValue ?? -1
  }

  /// The last frame at or before `seconds`.
  func frame(at seconds: Double) throws -> [String: Any] {
    let frames = try frameLines().dropFirst()
    return frames.last { (($0["t"] as? NSNumber)?.doubleValue ?? 0) <= seconds } ?? [:]
  }

  /// Closed links in the last frame at or before `seconds`.
  func closedLinks(at seconds: Double) throws -> Int {
    (try frame(at: seconds)["closures"] as? [Any])?.count ?? -1
  }

  /// The scenario's local time at `seconds`, by Foundation's calendar.
  func expectedClock(at seconds: Double) throws -> String {
    let header = try frameLines()[0]
    let start = header["start"] as? String ?? ""
    let parser = ISO8601DateFormatter()
    guard let date = parser.date(from: start) else { return "" }
    let offsetText = start.suffix(6)
    let sign = offsetText.hasPrefix("-") ? -1 : 1
    let parts = offsetText.dropFirst().split(separator: ":").compactMap { Int($0) }
    let offset = sign * ((parts.first ?? 0) * 3600 + (parts.last ?? 0) * 60)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: offset)
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date.addingTimeInterval(seconds.rounded(.down)))
  }
}
