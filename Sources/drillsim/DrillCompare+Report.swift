import Experiments
import Reports

/// Turns a drill comparison into the plain values of the after-action report.
extension DrillCompare {
  static func report(_ comparison: DrillComparison) -> AfterActionReport {
    let log = comparison.log
    let baseline = comparison.baseline
    var overview: [(label: String, text: String)] = [
      ("Drill log", log.path),
      (
        "Observations",
        "\(comparison.observations.count) (\(comparison.matched.count) placed against the plan, "
          + "\(comparison.unmatched.count) without a simulated counterpart)"
      ),
      ("Scenario", baseline.scenario),
      ("Simulated plan", "\(baseline.source.rawValue) \(baseline.path): \(baseline.selection)"),
    ]
    if !baseline.parameters.isEmpty {
      overview.append(("Parameters", baseline.parameters.joined(separator: ", ")))
    }
    for anchor in comparison.anchors {
      let since = anchor.sinceOrder.map { text($0, time: true) } ?? ""
      overview.append((anchor.kind.name, "\(anchor.timeText) (\(since) from the order)"))
    }
    if let order = log.anchor(.evacuationOrder) {
      overview.append(("Evacuation order", "\(order.timeText) (line \(order.line))"))
    }
    let observations = comparison.observations.map { o in
      let d = o.distribution
      let simulated =
        d.count == 0
        ? ""
        : "\(text(d.median, time: o.isTime)) (\(text(d.quantile(0.1), time: o.isTime)) to "
          + "\(text(d.quantile(0.9), time: o.isTime)))"
      return AfterActionReport.Observation(
        line: o.row.line, event: o.row.kind.name, subject: o.row.subject,
        observed: text(o.observed, time: o.isTime), simulated: simulated,
        replications: d.count, percentile: o.percentile,
        verdict: o.unmatched.map { "no simulated counterpart: \($0)" } ?? o.flagText,
        assessment: o.assessment?.rawValue ?? "")
    }
    func finding(_ o: DrillComparison.Observation, prefix: String = "") -> AfterActionReport.Finding
    {
      let subject = o.row.subject.isEmpty ? "" : " \(o.row.subject)"
      let pct = o.percentile.map { String(($0 * 10).rounded() / 10) } ?? ""
      return AfterActionReport.Finding(
        title:
          "\(prefix)\(o.row.kind.name)\(subject): observed \(text(o.observed, time: o.isTime)), "
          + "\(o.flagText) (percentile \(pct); simulated median \(text(o.distribution.median, time: o.isTime)))",
        evidence: comparison.evidence(for: o))
    }
    let strengths = comparison.matched.filter { $0.assessment == .strength }.map { finding($0) }
    var improvements = comparison.matched.filter { $0.assessment == .improvement }.map {
      finding($0)
    }
    improvements += comparison.matched.filter { $0.assessment == .planReview }.map {
      finding($0, prefix: "Plan assumption to review: ")
    }
    let scorecard = comparison.scorecard
    for score in scorecard where score.passed * 2 < score.runs {
      improvements.append(
        AfterActionReport.Finding(
          title: "Objective \(score.name) is not met by the plan itself "
            + "(passed in \(score.passed) of \(score.runs) simulated runs)",
          evidence: [
            "target: \(score.target)",
            "simulated value: \(text(score.medianValue, time: false))"
              + (score.runs > 1 ? " (median)" : ""),
          ]))
    }
    var method = [
      "Percentiles: \(DrillComparison.percentileDefinition).",
      "Flags: below P\(text(comparison.thresholds.low, time: false)) much faster (lower) than "
        + "planned, above P\(text(comparison.thresholds.high, time: false)) much slower (higher).",
      "Times are seconds from the evacuation order (acknowledgements from the warning; the "
        + "order itself from exercise_start), shown as h:mm:ss.",
      "Strengths and areas for improvement follow each metric's good direction; a neutral "
        + "metric far from the plan questions the plan's assumptions.",
    ]
    if baseline.source == .run {
      method.append(
        "The plan is one simulated run: each percentile is 0, 50 or 100. A sweep's "
          + "replications give a real distribution.")
    }
    return AfterActionReport(
      title: "After-action report: drill against \(baseline.scenario)", overview: overview,
      observations: observations, strengths: strengths, improvements: improvements,
      objectives: scorecard.map { score in
        AfterActionReport.Objective(
          name: score.name, target: score.target, ratings: score.ratings, runs: score.runs,
          passed: score.passed, value: text(score.medianValue, time: false))
      }, method: method)
  }
}
