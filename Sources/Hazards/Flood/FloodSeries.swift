/// A value over time, linear between points: a hydrograph (m3/s), a rain
/// intensity (mm/h) or a boundary water level (m).
///
/// Sources integrate the series exactly over each solver step instead of
/// sampling it at the step's middle, so the volume a hydrograph delivers
/// equals its integral to round-off whatever the steps are. Two points at
/// the same time make a jump; before the first point and after the last
/// the value is held.
public struct FloodSeries: Sendable, Equatable {
  /// Times in seconds, non-decreasing.
  public let times: [Double]
  /// Values at `times`.
  public let values: [Double]

  /// A series through `points` (time in seconds, value); times must be
  /// finite and non-decreasing.
  public init(_ points: [(Double, Double)]) throws {
    guard !points.isEmpty else { throw HazardsError("series", "needs at least one point") }
    for (index, point) in points.enumerated() {
      guard point.0.isFinite, point.1.isFinite else {
        throw HazardsError("series point \(index + 1)", "time and value must be finite")
      }
      if index > 0, point.0 < points[index - 1].0 {
        throw HazardsError("series point \(index + 1)", "times must not decrease")
      }
    }
    times = points.map(\.0)
    values = points.map(\.1)
  }

  /// A constant series.
  public init(constant value: Double) {
    times = [0]
    values = [value]
  }

  /// The value at time `t` (linear interpolation; at a jump, the later value).
  public func value(at t: Double) -> Double {
    let count = times.count
    if t < times[0] { return values[0] }
    if t >= times[count - 1] { return values[count - 1] }
    let upper = firstIndex(after: t)
    let lower = upper - 1
    let span = times[upper] - times[lower]
    if span <= 0 { return values[upper] }
    let fraction = (t - times[lower]) / span
    return values[lower] + fraction * (values[upper] - values[lower])
  }

  /// The exact integral of the series over `[from, to]` (value x seconds).
  public func integral(from start: Double, to end: Double) -> Double {
    if end <= start { return 0 }
    var total = 0.0
    let count = times.count
    if start < times[0] {
      total += values[0] * (min(end, times[0]) - start)
    }
    if end > times[count - 1] {
      total += values[count - 1] * (end - max(start, times[count - 1]))
    }
    var index = max(1, firstIndex(after: start))
    while index < count {
      let t0 = times[index - 1]
      let t1 = times[index]
      if t1 > start, t0 < end, t1 > t0 {
        let a = max(start, t0)
        let b = min(end, t1)
        let slope = (values[index] - values[index - 1]) / (t1 - t0)
        let va = values[index - 1] + slope * (a - t0)
        let vb = values[index - 1] + slope * (b - t0)
        total += 0.5 * (va + vb) * (b - a)
      }
      if t0 >= end { break }
      index += 1
    }
    return total
  }

  /// The smallest value the series takes.
  public var minimum: Double { values.min() ?? 0 }

  /// The index of the first point whose time is greater than `t`.
  private func firstIndex(after t: Double) -> Int {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] <= t { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
