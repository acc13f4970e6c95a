import ArgumentParser
import Experiments
import Foundation
import Recording

/// `drillsim drill compare RUN_OR_SWEEP --log drill.csv`: places what a
/// real drill observed in the simulated distribution of each metric, flags
/// what was much faster or slower than planned, and writes a draft
/// after-action report (aar.md, aar.html) and comparison.csv.
struct DrillCompare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare a drill log with a run or a sweep; write a draft after-action report.",
    discussion: """
      The log is a CSV file with the header event,time,zone,value (docs/drill-log.md). \
      For a run's results folder each distribution is that one run; for a sweep folder it \
      is the completed replications of one design point. Percentiles are mid-ranks: \
      (count below + 0.5 x count equal) / n x 100.
      """)

  @Argument(help: "A run's results folder or a sweep folder.")
  var runOrSweep: String

  @Option(name: .long, help: "The drill log (CSV: event,time,zone,value[,note]).")
  var log: String

  @Option(name: .long, help: "The sweep's design point (default: the scenario's defaults, else 0).")
  var point: Int?

  @Option(
    name: .long,
    help: "Where to write aar.md, aar.html and comparison.csv (default: RUN_OR_SWEEP/aar).")
  var out: String?

  @Option(name: .long, help: "Flag observations below this percentile (much faster or lower).")
  var lowPercentile = 10.0

  @Option(name: .long, help: "Flag observations above this percentile (much slower or higher).")
  var highPercentile = 90.0

  @Flag(name: .long, help: "Print the comparison as JSON instead of a table.")
  var json = false

  func validate() throws {
    guard lowPercentile >= 0, highPercentile <= 100, lowPercentile < highPercentile else {
      throw ValidationError(
        "--low-percentile and --high-percentile must satisfy 0 <= low < high <= 100")
    }
  }

  func run() throws {
    let comparison = try reportingExperimentsErrors { () throws(ExperimentsError) in
      let drill = try DrillLog(path: log)
      let baseline = try DrillBaseline.load(path: runOrSweep, point: point)
      return DrillComparison(
        log: drill, baseline: baseline,
        thresholds: .init(low: lowPercentile, high: highPercentile))
    }
    let folder = URL(fileURLWithPath: out ?? (runOrSweep as NSString).appendingPathComponent("aar"))
    let report = Self.report(comparison)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let files = [
        ("aar.md", report.markdown()), ("aar.html", report.html()),
        ("comparison.csv", comparison.csv()),
      ]
      for (name, text) in files {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
      }
    } catch {
      printError("drillsim: cannot write \(folder.path): \(error.localizedDescription)")
      throw ExitStatus.runFailed.code
    }
    if json {
      print(comparison.json(), terminator: "")
    } else {
      print(Self.table(comparison), terminator: "")
      print(
        "after-action report: \(folder.appendingPathComponent("aar.md").path), aar.html, comparison.csv"
      )
    }
  }

  /// A number as the table and the report print it: a time as h:mm:ss, a
  /// count with at most one decimal.
  static func text(_ value: Double?, time: Bool) -> String {
    guard let value, value.isFinite else { return "" }
    if time { return ScenarioClock.elapsed(Int64(value.rounded())) }
    return JSONText.number((value * 10).rounded() / 10)
  }

  /// The short table for standard output.
  static func table(_ comparison: DrillComparison) -> String {
    var out = "drill \(comparison.log.path) against \(comparison.baseline.path)\n"
    out += "simulated: \(comparison.baseline.selection)\n"
    let header = ["line", "event", "zone", "observed", "median", "P10", "P90", "pct", "verdict"]
    var rows = [header]
    for o in comparison.observations {
      let d = o.distribution
      rows.append([
        String(o.row.line), o.row.kind.name, o.row.subject, text(o.observed, time: o.isTime),
        text(d.median, time: o.isTime), text(d.quantile(0.1), time: o.isTime),
        text(d.quantile(0.9), time: o.isTime),
        o.percentile.map { String(($0 * 10).rounded() / 10) } ?? "",
        o.unmatched.map { "no counterpart: \($0)" } ?? o.flagText,
      ])
    }
    let widths = header.indices.dropLast().map { column in
      rows.map { $0[column].count }.max() ?? 0
    }
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        line +=
          column < widths.count
          ? cell + String(repeating: " ", count: widths[column] - cell.count + 2) : cell
      }
      out += line + "\n"
    }
    return out
  }
}
