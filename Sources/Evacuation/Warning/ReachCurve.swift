#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a channel's reach grows once it starts: the share of the households
/// it can reach that it has reached t seconds after its delay.
///
/// Warning diffusion is S-shaped or saturating (Rogers and Sorensen, ORNL
/// CONF-8810249-1; Li et al., TRR 2376, 2013; evacuation.md §3.3). Both
/// forms start at 0 and tend to 1; a household's reach time is drawn by
/// inverting the curve, so the expected reached share follows it exactly.
public enum ReachCurve: Sendable, Equatable {
  /// Everyone reachable is reached at once.
  case immediate
  /// 1 - exp(-t / timeConstant).
  case exponential(timeConstant: Double)
  /// A logistic 1 / (1 + exp(-(t - halfTime) / spread)), rescaled to start
  /// at 0 at t = 0.
  case logistic(halfTime: Double, spread: Double)

  /// The reached share at `t` seconds after the start.
  public func share(at t: Double) -> Double {
    guard t > 0 else { return 0 }
    switch self {
    case .immediate:
      return 1
    case .exponential(let tau):
      return 1 - exp(-t / tau)
    case .logistic(let half, let spread):
      let start = Self.logistic(-half / spread)
      return (Self.logistic((t - half) / spread) - start) / (1 - start)
    }
  }

  /// The time at which the share reaches `u` (0 <= u < 1): the inverse of
  /// `share(at:)`.
  public func time(forShare u: Double) -> Double {
    switch self {
    case .immediate:
      return 0
    case .exponential(let tau):
      return -tau * log(1 - u)
    case .logistic(let half, let spread):
      let start = Self.logistic(-half / spread)
      let level = start + u * (1 - start)
      return max(0, half + spread * log(level / (1 - level)))
    }
  }

  /// Checks the time constants.
  ///
  /// - Throws: `EvacuationError` at `location` for a non-positive constant.
  public func validate(at location: String) throws(EvacuationError) {
    switch self {
    case .immediate:
      return
    case .exponential(let tau):
      guard tau > 0, tau.isFinite else { throw EvacuationError(location, "time constant <= 0") }
    case .logistic(let half, let spread):
      guard half >= 0, spread > 0, half.isFinite, spread.isFinite else {
        throw EvacuationError(location, "logistic needs half time >= 0 and spread > 0")
      }
    }
  }

  static func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
}
