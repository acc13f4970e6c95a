/// The rain a township gets over time: windows of constant intensity that
/// add up where they overlap, and when that rain first crosses a threshold.
///
/// Rain events are separated by dry spells of at least `dryGap` seconds;
/// within an event, D is the time since the event began and I the rain
/// since then over D. The threshold is crossed at the first t with
/// I(t) >= a D(t)^-b, found exactly: on each stretch of constant rain the
/// shortfall a D^(1-b) - E(t) is concave in t, so its zero is unique and
/// bisection finds it.
public struct RainfallRecord: Sendable {
  /// Rain windows: sim seconds and mm/h.
  public private(set) var windows: [(from: Double, to: Double, mmPerHour: Double)] = []
  /// The dry spell that ends a rain event (s; 6 h).
  public var dryGap = 6 * 3600.0

  public init() {}

  /// Adds `mmPerHour` of rain from `from` to `to` (sim seconds; `to` may be
  /// infinite).
  public mutating func add(mmPerHour: Double, from: Double, to: Double) throws {
    guard mmPerHour >= 0, mmPerHour.isFinite, to > from, from.isFinite else {
      throw HazardsError("rain", "needs mm_per_h >= 0 and from < to")
    }
    windows.append((from, to, mmPerHour))
  }

  /// Stretches of constant total intensity in time order, from the first
  /// window's start to `horizon`.
  func stretches(until horizon: Double) -> [(from: Double, to: Double, rate: Double)] {
    var times = Set<Double>()
    for w in windows {
      times.insert(w.from)
      if w.to.isFinite { times.insert(w.to) }
    }
    times.insert(horizon)
    let sorted = times.filter { $0 <= horizon }.sorted()
    var result: [(Double, Double, Double)] = []
    for (t0, t1) in zip(sorted, sorted.dropFirst()) {
      let rate = windows.reduce(0.0) { $0 + ($1.from <= t0 && t0 < $1.to ? $1.mmPerHour : 0) }
      result.append((t0, t1, rate))
    }
    return result
  }

  /// When the rain first crosses `threshold`, or nil if not by `horizon`
  /// (sim seconds); with the event's mean intensity (mm/h) and duration (h)
  /// at that moment.
  public func firstCrossing(of threshold: RainfallThreshold, until horizon: Double)
    -> (time: Double, intensity: Double, hours: Double)?
  {
    var eventStart: Double?
    var rain = 0.0  // mm since the event began
    var dryFrom: Double?
    for stretch in stretches(until: horizon) {
      guard stretch.rate > 0 else {
        if dryFrom == nil { dryFrom = stretch.from }
        if let dry = dryFrom, stretch.to - dry >= dryGap {
          eventStart = nil
          rain = 0
        }
        continue
      }
      if let dry = dryFrom, stretch.from - dry >= dryGap { eventStart = nil }
      dryFrom = nil
      if eventStart == nil {
        eventStart = stretch.from
        rain = 0
      }
      guard let start = eventStart else { continue }
      let before = rain
      // Shortfall at t: rain needed minus rain had.
      func shortfall(_ t: Double) -> Double {
        threshold.depth(hours: (t - start) / 3600)
          - (before + stretch.rate * (t - stretch.from) / 3600)
      }
      let low = max(stretch.from, start + threshold.minimumHours * 3600)
      let high = stretch.to
      rain += stretch.rate * (stretch.to - stretch.from) / 3600
      guard low <= high else { continue }
      var crossing: Double?
      if shortfall(low) <= 0 {
        crossing = low
      } else if shortfall(high) <= 0 {
        var (a, b) = (low, high)
        // Bisect until the bracket is two adjacent doubles.
        for _ in 0..<200 {
          let mid = (a + b) / 2
          guard mid > a, mid < b else { break }
          if shortfall(mid) <= 0 { b = mid } else { a = mid }
        }
        crossing = b
      }
      if let t = crossing {
        let hours = (t - start) / 3600
        let mm = before + stretch.rate * (t - stretch.from) / 3600
        return (t, mm / hours, hours)
      }
    }
    return nil
  }
}
