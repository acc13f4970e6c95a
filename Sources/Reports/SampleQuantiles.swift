/// Quantiles of a small sample (the replications of one design point).
///
/// The definition is Hyndman and Fan's type 7 (the default of R and
/// NumPy): for n sorted values x[0] ... x[n-1] and 0 <= p <= 1, let
/// h = (n - 1) p; the quantile is x[floor h] + (h - floor h)
/// (x[floor h + 1] - x[floor h]). It interpolates between the order
/// statistics, so with 3 replications the P90 lies 80 % of the way from
/// the median to the largest value rather than being the largest value
/// itself. NaNs are left out; an empty sample has no quantiles.
public struct SampleQuantiles: Sendable, Equatable {
  /// The values without NaNs, ascending.
  public let sorted: [Double]

  public init(_ values: [Double]) {
    sorted = values.filter { !$0.isNaN }.sorted()
  }

  public var count: Int { sorted.count }

  /// The type 7 quantile at `p` (clamped to 0...1); nil for no values.
  public func quantile(_ p: Double) -> Double? {
    guard let first = sorted.first else { return nil }
    guard sorted.count > 1 else { return first }
    let h = Double(sorted.count - 1) * min(1, max(0, p))
    let below = Int(h.rounded(.down))
    guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
    return sorted[below] + (h - Double(below)) * (sorted[below + 1] - sorted[below])
  }

  public var median: Double? { quantile(0.5) }
  public var p90: Double? { quantile(0.9) }
  public var minimum: Double? { sorted.first }
  public var maximum: Double? { sorted.last }
}
