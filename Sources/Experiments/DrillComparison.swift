/// A drill log placed against the plan: each observation's percentile in
/// the simulated distribution of its metric, flags where the drill was much
/// faster or slower (lower or higher) than the plan predicts, and the
/// objectives as the simulation rated them.
///
/// Observations without a simulated counterpart (an event the simulation
/// does not time, a zone the runs do not report) stay in the list with the
/// reason, so nothing from the drill is dropped silently.
public struct DrillComparison: Sendable {
  /// Percentiles below `low` or above `high` are flagged.
  public struct Thresholds: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double = 10, high: Double = 90) {
      self.low = low
      self.high = high
    }
  }

  /// Where an observation fell.
  public enum Flag: String, Sendable {
    /// Between the thresholds: as the plan predicts.
    case expected
    /// Below the low threshold.
    case muchLower = "much_lower"
    /// Above the high threshold.
    case muchHigher = "much_higher"
  }

  /// What a flag means for the after-action report.
  public enum Assessment: String, Sendable {
    /// Better than the plan predicts in the metric's good direction.
    case strength
    /// Worse than the plan predicts.
    case improvement
    /// A neutral metric far from the plan: its assumptions need a look.
    case planReview = "plan_review"
  }

  /// One observation of the log and where it fell.
  public struct Observation: Sendable {
    public let row: DrillLog.Row
    /// The simulated metric, when the event has one.
    public let metric: String?
    /// The observed number on the metric's scale (seconds or a count).
    public let observed: Double?
    public let distribution: SimulatedDistribution
    public let percentile: Double?
    public let flag: Flag?
    /// Why the observation could not be placed, if it could not.
    public let unmatched: String?

    public var isTime: Bool { row.kind.measure != .value }

    /// The flag in words: "much faster than planned", "as planned" ("" when unmatched).
    public var flagText: String {
      switch flag {
      case .expected: return "as planned"
      case .muchLower: return isTime ? "much faster than planned" : "much lower than planned"
      case .muchHigher: return isTime ? "much slower than planned" : "much higher than planned"
      case nil: return ""
      }
    }

    public var assessment: Assessment? {
      guard let flag, flag != .expected else { return nil }
      switch row.kind.direction {
      case .neutral: return .planReview
      case .lowerIsBetter: return flag == .muchLower ? .strength : .improvement
      case .higherIsBetter: return flag == .muchHigher ? .strength : .improvement
      }
    }
  }

  public let log: DrillLog
  public let baseline: DrillBaseline
  public let thresholds: Thresholds
  /// Every row of the log but the anchors, in file order.
  public let observations: [Observation]

  public init(log: DrillLog, baseline: DrillBaseline, thresholds: Thresholds = Thresholds()) {
    self.log = log
    self.baseline = baseline
    self.thresholds = thresholds
    let reported = Set(baseline.metricNames)
    observations = log.rows.filter { $0.kind.measure != .anchor }.map { row in
      let (observed, reason) = log.observed(row)
      let metric = row.kind.metricName(subject: row.subject)
      func unmatched(_ why: String) -> Observation {
        Observation(
          row: row, metric: metric, observed: observed, distribution: SimulatedDistribution([]),
          percentile: nil, flag: nil, unmatched: why)
      }
      guard let metric else {
        return unmatched(row.kind.missingCounterpart ?? "no simulated counterpart")
      }
      guard let observed else { return unmatched(reason ?? "no observed value") }
      guard reported.contains(metric) else {
        let known = reported.contains { name in
          name.split(separator: ".").contains {
            $0 == row.subject || $0.hasSuffix("-" + row.subject)
          }
        }
        if row.subject.isEmpty || known {
          return unmatched(
            "no simulated run reported \(metric) (it did not happen in the simulation)")
        }
        return unmatched("the simulation reports nothing for '\(row.subject)' (check the id)")
      }
      let distribution = baseline.distribution(metric)
      guard let percentile = distribution.percentile(of: observed) else {
        return unmatched(
          "no simulated replication reached \(metric) (it never happened in the simulation)")
      }
      let flag: Flag =
        percentile < thresholds.low
        ? .muchLower : percentile > thresholds.high ? .muchHigher : .expected
      return Observation(
        row: row, metric: metric, observed: observed, distribution: distribution,
        percentile: percentile, flag: flag, unmatched: nil)
    }
  }

  /// The observations placed in a distribution.
  public var matched: [Observation] { observations.filter { $0.unmatched == nil } }

  /// Observations the simulation has no counterpart for.
  public var unmatched: [Observation] { observations.filter { $0.unmatched != nil } }

  /// The rows that fix the log's clock.
  public var anchors: [DrillLog.Row] { log.rows.filter { $0.kind.measure == .anchor } }
}
