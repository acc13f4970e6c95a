import Response

/// A built-in objective: a common drill target the run measures itself, so
/// a planner writes `kind = "zone_t100", zone = .., within = minutes(45)`
/// instead of a check function.
///
/// Each measures a time in seconds (nil when the thing never happened) and
/// is rated by `ObjectiveRating` against `within`.
enum ObjectiveKind: Equatable {
  /// T100 of a zone: seconds from its order until its last evacuee was
  /// admitted to a shelter (`evacuation.<zone>.t100_s`).
  case zoneT100(zone: String)
  /// The slowest 叫应: seconds from a grid's call until its responsible
  /// person acknowledged, over every grid a warning called.
  case gridsAcknowledged
  /// Seconds from an event's occurrence to the first `first`-stage report
  /// of `level` on it (the first event opened unless `event` names one).
  case firstReport(level: ReportLevel, event: String?)
  /// Seconds from the first order until the shelters' headcount confirmed
  /// every household set on its way (`evacuation.confirmed_all_s`).
  case allSheltered
  /// The longest wait of an occupied shelter, from its first occupant until
  /// it had every item it uses for good (no shortfall from then to now;
  /// `supply.basic_needs_s` stops at the first time instead).
  case basicNeeds

  /// The names `kind = ...` accepts, in the order messages list them.
  static let names = [
    "zone_t100", "grids_acknowledged", "first_report", "all_sheltered", "basic_needs",
  ]

  /// Fields every built-in objective accepts.
  static let commonFields = ["name", "kind", "target", "within", "by"]

  /// Fields this kind accepts besides the common ones.
  static func extraFields(_ name: String) -> [String] {
    switch name {
    case "zone_t100": ["zone"]
    case "first_report": ["level", "event"]
    default: []
    }
  }

  /// `within` when the objective gives none; nil when it must give one.
  static func defaultWithin(_ name: String) -> Double? {
    name == "basic_needs" ? 36_000 : nil
  }

  /// The target text summary.json shows when the objective gives none.
  func target(within seconds: Double) -> String {
    let limit = Self.duration(seconds)
    switch self {
    case .zoneT100(let zone):
      return "every evacuee of zone \(zone) in a shelter (T100) within \(limit) of the order"
    case .gridsAcknowledged:
      return "every warned grid acknowledges (叫应) within \(limit) of its call"
    case .firstReport(let level, let event):
      let about = event.map { " on '\($0)'" } ?? ""
      return "first \(level.rawValue) report\(about) within \(limit) of the event"
    case .allSheltered:
      return "every household that left confirmed at a shelter within \(limit) of the first order"
    case .basicNeeds:
      return
        "basic needs met for good at every occupied shelter within \(limit) of its first arrival"
    }
  }

  /// "45 min", "10 h", "90 s": the largest whole unit.
  static func duration(_ seconds: Double) -> String {
    if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 {
      return "\(Int(seconds / 3600)) h"
    }
    if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 {
      return "\(Int(seconds / 60)) min"
    }
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
