import Foundation
import Scenario
import SimKernel

/// A run's results folder: events.jsonl, metrics.csv, frames.jsonl, run.log,
/// summary.json and report.html.
///
/// Before anything else, `prepare` puts a summary.json with `"status":
/// "running"` in place (replacing a previous run's); the final summary
/// replaces it once every file it names is complete. Every document is
/// written to a temporary file in the folder and renamed into place, so a
/// reader sees the old file or the new one, never half of one; the two
/// streams (events.jsonl, frames.jsonl) are appended while the run goes,
/// and the running summary says they are not final. A run killed at any
/// moment thus leaves a complete result or one marked as incomplete.
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

  /// Creates the folder, marks it as holding a running run (replacing a
  /// previous run's summary in one rename) and removes the previous run's
  /// other files.
  public func prepare(scenario: String, seed: UInt64) throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let running = SummaryDocument.startJSON(scenario: scenario, seed: seed) + "\n"
    try Data(running.utf8).write(to: summaryURL, options: .atomic)
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

  /// The result files a final summary names, in a fixed order.
  ///
  /// Those of events.jsonl, metrics.csv and run.log that exist. Frames are
  /// left out (frames.index.json lists them), so that recording frames
  /// changes no other output.
  public func resultFiles() -> [String] {
    [eventsURL, metricsURL, logURL].filter {
      FileManager.default.fileExists(atPath: $0.path)
    }.map(\.lastPathComponent)
  }

  /// Writes the final summary.json atomically (temporary file, then
  /// rename), naming the result files written before it; call it after
  /// they are complete.
  public func writeSummary(_ result: RunResult) throws {
    let text = SummaryDocument.json(result, files: resultFiles()) + "\n"
    try Data(text.utf8).write(to: summaryURL, options: .atomic)
  }
}
