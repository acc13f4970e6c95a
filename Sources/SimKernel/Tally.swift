/// Count, mean, variance, minimum and maximum of observed values.
///
/// Welford's update keeps the variance accurate over millions of samples.
public struct Tally: Sendable {
  public private(set) var count = 0
  public private(set) var mean = 0.0
  public private(set) var min = Double.infinity
  public private(set) var max = -Double.infinity
  var m2 = 0.0

  public init() {}

  /// Adds one observation.
  public mutating func record(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / Double(count)
    m2 += delta * (x - mean)
    if x < min { min = x }
    if x > max { max = x }
  }

  /// Sample variance (n - 1 denominator); zero below two samples.
  public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
  public var standardDeviation: Double { variance.squareRoot() }
}

/// The time-average of a piecewise-constant level (queue length, units in
/// use, stock on hand): the integral of the level over time, divided by time.
public struct TimeWeighted: Sendable {
  public private(set) var current: Double
  public private(set) var max: Double
  var area = 0.0
  var since: SimTime
  let start: SimTime

  public init(level: Double = 0, at time: SimTime = .zero) {
    current = level
    max = level
    since = time
    start = time
  }

  /// Sets the level at `time` (not before the last change).
  public mutating func record(_ level: Double, at time: SimTime) {
    area += current * (time - since).seconds
    since = time
    current = level
    if level > max { max = level }
  }

  /// The time-average from the start up to `time`.
  public func mean(at time: SimTime) -> Double {
    let span = (time - start).seconds
    guard span > 0 else { return current }
    return (area + current * (time - since).seconds) / span
  }
}
