import SimKernel

/// Stock of one item at one site, drawn down continuously.
///
/// The level falls linearly at `ratePerHour` from `since`; `settle(at:)`
/// brings it up to a time, counting demand that found the shelf empty as
/// unmet. Run-out and low-stock crossings are exact events scheduled from
/// the line's state (no polling); every change cancels and reschedules
/// them.
struct StockLine {
  var level: Double = 0
  var ratePerHour: Double = 0
  var since: SimTime = .zero
  /// Use per person per hour (shelters), for person-hours of shortfall.
  var perPersonPerHour: Double = 0
  var lowThreshold: Double?
  /// Units demanded, and units demanded that were not there.
  var demanded: Double = 0
  var unmet: Double = 0
  var delivered: Double = 0
  var firstRunOut: SimTime?
  var runOutTimer: TimerID?
  var lowTimer: TimerID?

  /// Draws the level down to `time`.
  mutating func settle(at time: SimTime) {
    let hours = Double((time - since).ms) / 3_600_000
    if hours > 0, ratePerHour > 0 {
      let demand = ratePerHour * hours
      demanded += demand
      if demand > level {
        unmet += demand - level
        level = 0
      } else {
        level -= demand
      }
    }
    since = time
  }

  /// When the level reaches `threshold` at the current rate, if it will.
  func crossing(of threshold: Double) -> SimTime? {
    guard ratePerHour > 0, level > threshold else { return nil }
    return since + (SimTime(seconds: (level - threshold) * 3600 / ratePerHour) ?? .never)
  }

  /// Person-hours without this item (unmet units over use per person).
  var shortfallPersonHours: Double { perPersonPerHour > 0 ? unmet / perPersonPerHour : 0 }
}
