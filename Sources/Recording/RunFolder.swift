import Foundation
import Scenario
import SimKernel

/// A run's results folder: events.jsonl, metrics.csv, frames.jsonl, run.log,
/// report.html and, last, summary.json.
///
/// summary.json is written to a temporary name and renamed into place, and
/// a stale one is removed before anything else is written, so a folder
/// with a summary.json always holds a finished run.
public struct RunFolder {
  public let url: URL

  public init(url: URL) { self.url = url }

  /// `results/<scenario>/<run-id>` under `root`; the id names the seed and,
  /// when parameters were overridden, a short hash of them.
  public static func standard(
    root: URL, scenario: String, seed: UInt64, overrides: [(name: String, text: String)]
  ) -> RunFolder {
    var id = "seed-\(seed)"
    if !overrides.isEmpty {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for (name, text) in overrides {
        for byte in "\(name)=\(text);".utf8 {
          hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
      }
      id += "-p" + String(hash >> 32, radix: 16)
    }
    return RunFolder(url: root.appendingPathComponent(scenario).appendingPathComponent(id))
  }

  /// Creates the folder and removes a previous run's summary.
  public func prepare() throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: summaryURL)
    for stale in [metricsURL, framesURL, framesIndexURL, reportURL, replayURL] {
      try? FileManager.default.removeItem(at: stale)
    }
  }

  public var summaryURL: URL { url.appendingPathComponent("summary.json") }
  public var eventsURL: URL { url.appendingPathComponent("events.jsonl") }
  public var logURL: URL { url.appendingPathComponent("run.log") }
  public var metricsURL: URL { url.appendingPathComponent("metrics.csv") }
  public var framesURL: URL { url.appendingPathComponent("frames.jsonl") }
  public var framesIndexURL: URL { url.appendingPathComponent(Self.framesIndexName) }
  public var reportURL: URL { url.appendingPathComponent("report.html") }
  public var replayURL: URL { url.appendingPathComponent("replay.html") }

  /// The frames index's file name, beside frames.jsonl.
  public static let framesIndexName = "frames.index.json"

  /// Writes the metric points as `t_s,name,value` rows, if any metric has
  /// more than one point.
  public func writeSeries(_ series: MetricSeries) throws {
    guard series.hasSeries else { return }
    var text = "t_s,name,value\n"
    for point in series.points {
      text += "\(point.time),\(point.name),\(JSONText.number(point.value))\n"
    }
    try Data(text.utf8).write(to: metricsURL, options: .atomic)
  }

  /// Writes summary.json atomically (temporary file, then rename).
  public func writeSummary(_ result: RunResult) throws {
    let text = SummaryDocument.json(result) + "\n"
    try Data(text.utf8).write(to: summaryURL, options: .atomic)
  }
}
