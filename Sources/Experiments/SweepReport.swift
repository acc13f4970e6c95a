import Foundation

/// Text and CSV renderings of a sweep's state and statistics, for
/// `drillsim sweep status` and `drillsim sweep report`.
public struct SweepReport: Sendable {
  public let analysis: SweepAnalysis
  /// All stored runs, complete or not.
  public let stored: [RunRecord]
  /// The point paired differences are taken against.
  public let baseline: Int

  public init(definition: SweepDefinition, records: [RunRecord], baseline: Int = 0) {
    analysis = SweepAnalysis(definition: definition, records: records)
    stored = records
    self.baseline = baseline
  }

  var definition: SweepDefinition { analysis.definition }

  /// What the sweep is and how far it got.
  public func statusText() -> String {
    let d = definition
    let points = analysis.points.count
    let planned = points * d.replications
    var out = "sweep of \(d.scenario) (scenario digest \(d.scenarioDigest)), seed \(d.seed)\n"
    out += "design \(d.design.rawValue): \(points) points x \(d.replications) replications"
    out += " = \(planned) runs\n"
    for factor in d.factors { out += "  varies \(factor.name): \(Self.describe(factor, d))\n" }
    for pin in d.pinned { out += "  pins \(pin.name) = \(pin.level.text)\n" }
    let counts = progress
    var byStatus: [String: Int] = [:]
    for record in stored { byStatus[record.status, default: 0] += 1 }
    let statuses = byStatus.keys.sorted().map { "\(byStatus[$0] ?? 0) \($0)" }
    out += "stored: \(stored.count) runs"
    out += statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))"
    out += "; missing \(counts.missing) of \(planned)"
    if counts.extra > 0 { out += "; \(counts.extra) sequential extra replications" }
    out += "\n"
    let walls = stored.map(\.wallSeconds)
    if !walls.isEmpty {
      out += String(
        format: "run wall time: mean %.3f s, total %.1f s\n",
        walls.reduce(0, +) / Double(walls.count), walls.reduce(0, +))
    }
    for record in stored where record.status != "complete" {
      let first = record.error?.split(separator: "\n").first.map(String.init) ?? "(no message)"
      out += "  \(record.status) \(record.key): \(first)\n"
    }
    return out
  }

  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func describe(_ factor: Factor, _ d: SweepDefinition) -> String {
    switch factor.domain {
    case .levels(let levels):
      return "{" + levels.map(\.text).joined(separator: ", ") + "}"
    case .range(let low, let high, let integer):
      var text = "\(CSVText.number(low)) to \(CSVText.number(high))"
      if integer { text += " (integers)" }
      if !d.design.usesSamples { text += ", \(factor.levels(count: d.levels).count) levels" }
      return text
    }
  }

  /// Per point statistics, paired differences and sensitivities of
  /// `metrics` (all when empty).
  public func statisticsText(metrics: [String] = []) -> String {
    let names = metrics.isEmpty ? analysis.metricNames : metrics
    var out = ""
    for metric in names {
      out += "\n\(metric)\n"
      let summaries = analysis.summaries(metric)
      let differences = analysis.pairedDifferences(metric, baseline: baseline)
      out += "  point  n      mean        sd    95 % CI                     vs point \(baseline)"
      out += " (paired)  parameters\n"
      for point in analysis.points {
        let s = summaries[point.index]
        let d = differences[point.index]
        let interval = s.interval.map { String(format: "[%.4g, %.4g]", $0.low, $0.high) } ?? "-"
        let paired =
          point.index == baseline
          ? "baseline"
          : d.halfWidth.map { String(format: "%+.4g ± %.3g", d.mean, $0) }
            ?? (d.count == 1 ? String(format: "%+.4g", d.mean) : "-")
        let params = point.settings.map { "\($0.name)=\($0.level.text)" }.joined(separator: " ")
        out += String(format: "  %5d %2d %10.4g %10.4g    ", point.index, s.count, s.mean, s.sd)
        out += Self.padded(interval, 26) + "  " + Self.padded(paired, 22) + "  " + params + "\n"
      }
      do {
        let sensitivity = try analysis.sensitivity(metric)
        let terms = sensitivity.coefficients.map { $0.input + String(format: " %+.3f", $0.src) }
        out += String(
          format: "  sensitivity (SRC, R² = %.3f, %d runs): ", sensitivity.rSquared,
          sensitivity.observations)
        out += terms.joined(separator: ", ") + "\n"
      } catch {
        out += "  sensitivity: \(error.message)\n"
      }
    }
    return out
  }

  /// Per point statistics as CSV: metric, point, the factors, n, mean, sd,
  /// the interval, and the paired difference against the baseline.
  public func statisticsCSV(metrics: [String] = []) -> String {
    let names = metrics.isEmpty ? analysis.metricNames : metrics
    var out = CSVText.row(
      ["metric", "point"] + definition.factors.map(\.name)
        + [
          "n", "mean", "sd", "ci_low", "ci_high", "diff_n", "diff_mean", "diff_ci_low",
          "diff_ci_high",
        ])
    for metric in names {
      let summaries = analysis.summaries(metric)
      let differences = analysis.pairedDifferences(metric, baseline: baseline)
      for point in analysis.points {
        let s = summaries[point.index]
        let d = differences[point.index]
        out += CSVText.row(
          [metric, String(point.index)] + point.settings.map(\.level.text)
            + [
              String(s.count), CSVText.number(s.mean), CSVText.number(s.count > 1 ? s.sd : nil),
              CSVText.number(s.interval?.low), CSVText.number(s.interval?.high), String(d.count),
              CSVText.number(d.mean), CSVText.number(d.interval?.low),
              CSVText.number(d.interval?.high),
            ])
      }
    }
    return out
  }

  /// Standardised regression coefficients as CSV: metric, input, src,
  /// r_squared, runs; metrics without a fit are left out.
  public func sensitivityCSV(metrics: [String] = []) -> String {
    let names = metrics.isEmpty ? analysis.metricNames : metrics
    var out = CSVText.row(["metric", "input", "src", "r_squared", "runs"])
    for metric in names {
      guard let sensitivity = try? analysis.sensitivity(metric) else { continue }
      for coefficient in sensitivity.coefficients {
        out += CSVText.row([
          metric, coefficient.input, CSVText.number(coefficient.src),
          CSVText.number(sensitivity.rSquared), String(sensitivity.observations),
        ])
      }
    }
    return out
  }
}
