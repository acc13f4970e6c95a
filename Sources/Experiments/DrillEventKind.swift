/// The events a drill log may record, and the simulated metric each one is
/// compared with: the one place that maps drill observations to metric
/// names (docs/drill-log.md prints the same table).
///
/// An observation is either a time (the log's `time` column, converted to
/// seconds from the reference the metric is measured from) or a count (the
/// `value` column). Two events are anchors, not observations: they fix the
/// clock the others are read on.
public enum DrillEventKind: Hashable, Sendable {
  /// `exercise_start`: the moment the drill's clock matches the scenario's
  /// start (the alarm); anchor for `evacuation_order`.
  case exerciseStart
  /// `warning_issued`: the warning went out; anchor for `grid_acknowledged`
  /// (default: together with the order).
  case warningIssued
  /// `evacuation_order`: the order, seconds from `exercise_start`.
  case evacuationOrder
  /// `zone_t50`, `zone_t90`, `zone_t100`: half, 90 % and all of a zone (or,
  /// without a zone, of everyone ordered) in a shelter, from the order.
  case zoneClearance(percent: Int)
  /// `all_confirmed`: the headcount at the shelters complete, from the order.
  case allConfirmed
  /// `grid_acknowledged`: a grid's responsible person answered, from the warning.
  case gridAcknowledged
  /// `first_report`: the township's first report (初报) went up, from the
  /// order; simulated as `reports.township.first_s`, timed from the first
  /// reported event (the order itself when the order opens it).
  case firstReport
  /// `shelter_opened`: a shelter opened its doors, from the order.
  case shelterOpened
  /// `zone_safe`: persons of a zone (or of everyone) safe at the end.
  case zoneSafe
  /// `grid_unreached`: households of a grid the warning never reached.
  case gridUnreached
  /// `grids_acknowledged`: grids that answered the warning.
  case gridsAcknowledged
  /// `shelter_peak`: most persons in a shelter at once.
  case shelterPeak
  /// `reports_late`, `reports_missing`: reports past their deadline, never sent.
  case reportsLate
  case reportsMissing
  /// `metric:<name>`: any scalar metric of summary.json, by name.
  case metric(String)

  /// What the `zone` column of a row names.
  public enum Subject: String, Sendable {
    case nothing
    case zone, grid, shelter
    /// A zone, or empty for the whole evacuation.
    case zoneOrAll = "zone or empty"
  }

  /// Where an observation's number comes from and what it is measured from.
  public enum Measure: String, Sendable {
    /// The time column, seconds from the evacuation order.
    case sinceOrder = "time from the order"
    /// The time column, seconds from the warning (`warning_issued`).
    case sinceWarning = "time from the warning"
    /// The time column, seconds from `exercise_start`.
    case sinceStart = "time from exercise_start"
    /// The value column.
    case value = "value"
    /// Fixes the clock; compared with nothing.
    case anchor = "anchor"
  }

  /// Which way is good, for strengths and areas for improvement.
  public enum Direction: String, Sendable {
    case lowerIsBetter = "lower is better"
    case higherIsBetter = "higher is better"
    /// Neither: a difference questions the plan's assumptions.
    case neutral = "neutral"
  }

  /// Every kind with a fixed name, in documentation order.
  public static let named: [DrillEventKind] = [
    .exerciseStart, .warningIssued, .evacuationOrder, .zoneClearance(percent: 50),
    .zoneClearance(percent: 90), .zoneClearance(percent: 100), .allConfirmed, .gridAcknowledged,
    .firstReport, .shelterOpened, .zoneSafe, .gridUnreached, .gridsAcknowledged, .shelterPeak,
    .reportsLate, .reportsMissing,
  ]

  /// The kind a log's `event` column names, or nil.
  public init?(name: String) {
    if name.hasPrefix("metric:") {
      let metric = String(name.dropFirst(7))
      guard !metric.isEmpty else { return nil }
      self = .metric(metric)
      return
    }
    guard let kind = Self.named.first(where: { $0.name == name }) else { return nil }
    self = kind
  }

  /// The name in the log's `event` column.
  public var name: String {
    switch self {
    case .exerciseStart: return "exercise_start"
    case .warningIssued: return "warning_issued"
    case .evacuationOrder: return "evacuation_order"
    case .zoneClearance(let percent): return "zone_t\(percent)"
    case .allConfirmed: return "all_confirmed"
    case .gridAcknowledged: return "grid_acknowledged"
    case .firstReport: return "first_report"
    case .shelterOpened: return "shelter_opened"
    case .zoneSafe: return "zone_safe"
    case .gridUnreached: return "grid_unreached"
    case .gridsAcknowledged: return "grids_acknowledged"
    case .shelterPeak: return "shelter_peak"
    case .reportsLate: return "reports_late"
    case .reportsMissing: return "reports_missing"
    case .metric(let name): return "metric:\(name)"
    }
  }

  public var subject: Subject {
    switch self {
    case .zoneClearance, .zoneSafe: return .zoneOrAll
    case .gridAcknowledged, .gridUnreached: return .grid
    case .shelterOpened, .shelterPeak: return .shelter
    default: return .nothing
    }
  }

  public var measure: Measure {
    switch self {
    case .exerciseStart, .warningIssued: return .anchor
    case .evacuationOrder: return .sinceStart
    case .zoneClearance, .allConfirmed, .firstReport, .shelterOpened: return .sinceOrder
    case .gridAcknowledged: return .sinceWarning
    default: return .value
    }
  }

  public var direction: Direction {
    switch self {
    case .zoneSafe, .gridsAcknowledged: return .higherIsBetter
    case .shelterPeak, .metric, .exerciseStart, .warningIssued: return .neutral
    default: return .lowerIsBetter
    }
  }

  /// The simulated metric for a row naming `subject` (empty when the row
  /// names none), or nil when the simulation has no counterpart.
  public func metricName(subject id: String) -> String? {
    switch self {
    case .exerciseStart, .warningIssued, .shelterOpened: return nil
    case .firstReport: return "reports.\(id.isEmpty ? "township" : id).first_s"
    case .evacuationOrder: return "evacuation.order_s"
    case .zoneClearance(let percent):
      return id.isEmpty ? "evacuation.t\(percent)_s" : "evacuation.\(id).t\(percent)_s"
    case .allConfirmed: return "evacuation.confirmed_all_s"
    case .gridAcknowledged: return "warning.\(id).ack_s"
    case .zoneSafe: return id.isEmpty ? "evacuation.safe" : "evacuation.\(id).safe"
    case .gridUnreached: return "warning.\(id).unreached"
    case .gridsAcknowledged: return "warning.grids_acknowledged"
    case .shelterPeak: return "shelter.\(id).peak"
    case .reportsLate: return "reports.late"
    case .reportsMissing: return "reports.missing"
    case .metric(let name): return name
    }
  }

  /// Why a kind has no simulated counterpart at all, for the output.
  public var missingCounterpart: String? {
    switch self {
    case .shelterOpened:
      return "a shelter's opening time is a scenario input (the map's facility), not an outcome"
    default: return nil
    }
  }
}
