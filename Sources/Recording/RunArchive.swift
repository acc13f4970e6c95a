import Foundation
import Scenario

/// A finished run's results folder, read back for replays and reports.
public struct RunArchive {
  /// One line of events.jsonl.
  public struct Event: Sendable {
    public let time: Double
    public let kind: String
    /// The fields after `t` and `kind`, in file order.
    public let fields: [(key: String, value: Value)]

    /// The fields as `key=value` text, for lists and terminals.
    public var detail: String {
      fields.map { field in
        "\(field.key)=" + (field.value.stringValue ?? JSONText.encode(field.value))
      }.joined(separator: " ")
    }
  }

  /// One row of metrics.csv.
  public struct MetricPoint: Sendable, Equatable {
    public let time: Double
    public let name: String
    public let value: Double
  }

  public let folder: RunFolder
  /// summary.json as written.
  public let summary: Value

  /// Opens a results folder; it must hold a summary.json.
  public init(folder: RunFolder) throws(RecordingError) {
    self.folder = folder
    let path = folder.summaryURL.path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RecordingError(
        folder.url.path, "no summary.json: not the results folder of a finished run")
    }
    summary = try JSONParser.parse([UInt8](data), location: path)
    if summary["status"]?.stringValue == SummaryDocument.running {
      throw RecordingError(
        path,
        "status \"running\": the run did not finish (it was stopped or is still going),"
          + " so its files are incomplete; run the scenario again")
    }
  }

  /// The scenario's metrics (name, value) in summary order.
  public var metrics: [(name: String, value: Value)] {
    guard case .object(let fields)? = summary["metrics"] else { return [] }
    return fields.map { ($0.key, $0.value) }
  }

  /// The rows of metrics.csv, or none when the run wrote no series.
  public func metricPoints() throws(RecordingError) -> [MetricPoint] {
    let path = folder.metricsURL.path
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var points: [MetricPoint] = []
    for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
    where n > 0 {
      let parts = line.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 3, let t = Double(parts[0]) else {
        throw RecordingError("\(path):\(n + 1)", "expected t_s,name,value")
      }
      points.append(MetricPoint(time: t, name: String(parts[1]), value: Double(parts[2]) ?? .nan))
    }
    return points
  }

  /// Every line of events.jsonl, in file (time) order.
  public func events() throws(RecordingError) -> [Event] {
    let path = folder.eventsURL.path
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var events: [Event] = []
    for (n, line) in data.split(separator: 10).enumerated() where !line.isEmpty {
      let location = "\(path):\(n + 1)"
      let value = try JSONParser.parse(line, location: location)
      guard case .object(let fields) = value, let t = value["t"]?.doubleValue,
        let kind = value["kind"]?.stringValue
      else { throw RecordingError(location, "an event needs \"t\" and \"kind\"") }
      events.append(
        Event(time: t, kind: kind, fields: fields.filter { $0.key != "t" && $0.key != "kind" }))
    }
    return events
  }

  /// The frames, or nil when the run recorded none.
  public func frames() throws(RecordingError) -> FrameReader? {
    guard FileManager.default.fileExists(atPath: folder.framesURL.path) else { return nil }
    return try FrameReader(url: folder.framesURL)
  }
}
