import ArgumentParser
import Experiments
import Foundation
import Reports

/// `drillsim sweep report DIR`: per point means with 95 % confidence
/// intervals, paired differences against a baseline point, and
/// standardised regression coefficients, as text or CSV; and the same with
/// distributions, the clearance matrix and tornado charts as report.html.
struct SweepReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Statistics of a sweep: means, 95 % CIs, paired differences, sensitivities.",
    discussion: """
      Always writes report.html (into the sweep folder unless --html says where): per \
      point statistics, distributions, the clearance matrix (design points x zones, \
      median and P90 of T90 and T100), paired differences, tornado charts of the \
      sensitivities and failed runs. --metric adds metrics to the report's key metrics.
      """)

  @Argument(help: "The sweep folder.")
  var folder: String

  @Option(
    name: .long,
    help: "Report only this metric in the text and CSV, add it to the HTML (repeatable).")
  var metric: [String] = []

  @Option(name: .long, help: "The point paired differences are taken against.")
  var baseline = 0

  @Option(name: .long, help: "Write the per point statistics as CSV to FILE ('-': stdout).")
  var csv: String?

  @Option(name: .long, help: "Write the sensitivities (SRC) as CSV to FILE ('-': stdout).")
  var sensitivityCsv: String?

  @Option(name: .long, help: "Write the HTML report to FILE (default: DIR/report.html).")
  var html: String?

  func run() throws {
    try reportingExperimentsErrors { () throws(ExperimentsError) in
      let store = try openSweepStore(folder)
      guard let definition = try store.definition() else {
        throw ExperimentsError(folder, "the store holds no sweep definition yet")
      }
      let points = definition.points().count
      guard baseline >= 0, baseline < points else {
        throw ExperimentsError("--baseline", "must be a point from 0 to \(points - 1)")
      }
      let report = SweepReport(
        definition: definition, records: try store.records(), baseline: baseline)
      for name in metric where !report.analysis.metricNames.contains(name) {
        throw ExperimentsError(
          "--metric \(name)",
          "no completed run reported it (metrics: "
            + report.analysis.metricNames.joined(separator: ", ") + ")")
      }
      if let csv { try writeOutput(report.statisticsCSV(metrics: metric), to: csv) }
      if let sensitivityCsv {
        try writeOutput(report.sensitivityCSV(metrics: metric), to: sensitivityCsv)
      }
      let results = SweepResults(report, adding: metric, zones: try store.zoneLabels())
      let page = SweepReportDocument(results: results).html()
      let target = html ?? URL(fileURLWithPath: folder).appendingPathComponent("report.html").path
      try writeOutput(page, to: target)
      if csv == nil, sensitivityCsv == nil {
        print(report.statisticsText(metrics: metric).dropFirst(), terminator: "")
      }
      if csv != "-", sensitivityCsv != "-", target != "-" { print("report: \(target)") }
    }
  }
}
