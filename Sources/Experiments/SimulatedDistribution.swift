/// The simulated values of one metric (one per replication, or the one
/// value of a single run) against which a drill observation is placed.
///
/// Percentile of an observation x: the mid-rank
/// `(count below x + 0.5 × count equal to x) / n × 100`. It is 50 for a
/// value equal to a single run's, never 0 or 100 for a value inside a
/// sample with ties, and reads the same whichever way the metric is
/// better, so "P < 10" means "lower than nearly every replication".
/// Quantiles (P10, median, P90) interpolate linearly between order
/// statistics (Hyndman and Fan type 7, the default of R and NumPy).
public struct SimulatedDistribution: Sendable, Equatable {
  /// The values, finite only, ascending.
  public let values: [Double]

  /// Drops NaN and infinite values (a run that did not report the metric).
  public init(_ values: [Double]) {
    self.values = values.filter(\.isFinite).sorted()
  }

  public var count: Int { values.count }

  /// The mid-rank percentile of `x` in 0...100; nil for an empty sample.
  public func percentile(of x: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let below = values.filter { $0 < x }.count
    let equal = values.filter { $0 == x }.count
    return (Double(below) + 0.5 * Double(equal)) / Double(values.count) * 100
  }

  /// The type-7 quantile at `p` in 0...1; nil for an empty sample.
  public func quantile(_ p: Double) -> Double? {
    guard let first = values.first else { return nil }
    guard values.count > 1 else { return first }
    let h = Double(values.count - 1) * min(max(p, 0), 1)
    let low = Int(h.rounded(.down))
    let high = min(low + 1, values.count - 1)
    return values[low] + (h - Double(low)) * (values[high] - values[low])
  }

  public var median: Double? { quantile(0.5) }
}
