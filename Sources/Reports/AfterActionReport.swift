/// A draft after-action report (AAR/IP, HSEEP) of a drill compared with
/// its plan: overview, observations against the simulated distribution,
/// strengths, areas for improvement with the events behind them, the
/// objectives scorecard and an improvement-plan skeleton for the planner.
///
/// Built from plain values (text and numbers already formatted by the
/// caller), so the report neither reads results nor computes statistics:
/// what it prints is exactly what the comparison found. Written as
/// Markdown (to edit and circulate) and as one self-contained HTML file.
public struct AfterActionReport: Sendable {
  /// One drill observation and where it fell in the simulated distribution.
  public struct Observation: Sendable {
    public var line: Int
    public var event: String
    public var subject: String
    public var observed: String
    /// "median (P10 to P90)" or "" when unmatched.
    public var simulated: String
    public var replications: Int
    public var percentile: Double?
    /// "much slower than planned", "as planned", or why it could not be placed.
    public var verdict: String
    /// "strength", "improvement", "plan_review" or "".
    public var assessment: String

    public init(
      line: Int, event: String, subject: String, observed: String, simulated: String,
      replications: Int, percentile: Double?, verdict: String, assessment: String
    ) {
      self.line = line
      self.event = event
      self.subject = subject
      self.observed = observed
      self.simulated = simulated
      self.replications = replications
      self.percentile = percentile
      self.verdict = verdict
      self.assessment = assessment
    }
  }

  /// A strength or an area for improvement, with the evidence behind it.
  public struct Finding: Sendable {
    public var title: String
    public var evidence: [String]

    public init(title: String, evidence: [String]) {
      self.title = title
      self.evidence = evidence
    }
  }

  /// One objective of the scorecard.
  public struct Objective: Sendable {
    public var name: String
    public var target: String
    /// Count per rating (P, S, M, U, ...).
    public var ratings: [(rating: String, count: Int)]
    public var runs: Int
    public var passed: Int
    public var value: String

    public init(
      name: String, target: String, ratings: [(rating: String, count: Int)], runs: Int,
      passed: Int, value: String
    ) {
      self.name = name
      self.target = target
      self.ratings = ratings
      self.runs = runs
      self.passed = passed
      self.value = value
    }

    /// "P" for one run; "P 3/5, S 2/5" for a sweep point.
    public var ratingText: String {
      let given = ratings.filter { $0.count > 0 }
      if runs == 1, let only = given.first { return only.rating }
      return given.map { "\($0.rating) \($0.count)/\(runs)" }.joined(separator: ", ")
    }
  }

  public var title: String
  /// Exercise overview: (label, text) pairs in order.
  public var overview: [(label: String, text: String)]
  public var observations: [Observation]
  public var strengths: [Finding]
  public var improvements: [Finding]
  public var objectives: [Objective]
  /// How to read the numbers (percentile definition, thresholds, caveats).
  public var method: [String]

  public init(
    title: String, overview: [(label: String, text: String)], observations: [Observation],
    strengths: [Finding], improvements: [Finding], objectives: [Objective], method: [String]
  ) {
    self.title = title
    self.overview = overview
    self.observations = observations
    self.strengths = strengths
    self.improvements = improvements
    self.objectives = objectives
    self.method = method
  }

  static let observationColumns = [
    "line", "event", "zone", "observed", "simulated median (P10 to P90)", "n", "percentile",
    "verdict",
  ]
  static let objectiveColumns = ["objective", "target", "rating", "passed", "value"]
  static let planColumns = [
    "area for improvement", "corrective action", "capability", "owner", "start", "due",
  ]

  /// A percentile as printed: one decimal.
  static func percentileText(_ value: Double?) -> String {
    guard let value else { return "" }
    return String((value * 10).rounded() / 10)
  }

  /// The report as Markdown.
  public func markdown() -> String {
    var out = "# \(title)\n\n*Draft after-action report and improvement plan (AAR/IP).*\n\n"
    out += "## Exercise overview\n\n"
    for item in overview { out += "- **\(item.label)**: \(item.text)\n" }
    out += "\n## Observations against the plan\n\n"
    out += Self.markdownRow(Self.observationColumns)
    out += Self.markdownRow(Self.observationColumns.map { _ in "---" })
    for o in observations {
      out += Self.markdownRow([
        String(o.line), o.event, o.subject, o.observed, o.simulated,
        String(o.replications), Self.percentileText(o.percentile), o.verdict,
      ])
    }
    out +=
      "\n"
      + Self.markdownFindings(
        "Strengths", strengths, none: "No observation was much better than the plan predicts.")
    out += Self.markdownFindings(
      "Areas for improvement", improvements,
      none: "No observation was much worse than the plan predicts.")
    out += "## Objectives scorecard\n\n"
    out += Self.markdownRow(Self.objectiveColumns)
    out += Self.markdownRow(Self.objectiveColumns.map { _ in "---" })
    for o in objectives {
      out += Self.markdownRow([o.name, o.target, o.ratingText, "\(o.passed)/\(o.runs)", o.value])
    }
    out += "\n## Improvement plan\n\n"
    out += Self.markdownRow(Self.planColumns)
    out += Self.markdownRow(Self.planColumns.map { _ in "---" })
    for finding in improvements {
      out += Self.markdownRow([finding.title] + Self.planColumns.dropFirst().map { _ in "" })
    }
    out += "\n## Method\n\n"
    for line in method { out += "- \(line)\n" }
    return out
  }

  static func markdownRow(_ cells: [String]) -> String {
    "| "
      + cells.map { $0.replacing("|", with: "\\|").replacing("\n", with: " ") }
      .joined(separator: " | ") + " |\n"
  }

  static func markdownFindings(_ heading: String, _ findings: [Finding], none: String) -> String {
    var out = "## \(heading)\n\n"
    if findings.isEmpty { return out + "\(none)\n\n" }
    for finding in findings {
      out += "### \(finding.title)\n\n"
      for line in finding.evidence { out += "- \(line)\n" }
      out += "\n"
    }
    return out
  }
}
