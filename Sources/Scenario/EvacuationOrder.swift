import Foundation
import SimKernel

/// An evacuation order: which zones leave, for which shelters, how, and
/// after what delay.
public struct EvacuationOrder: Sendable {
  /// How households travel.
  public enum Mode: String, Sendable, CaseIterable {
    /// Everyone on foot.
    case walk
    /// Everyone by car.
    case drive
    /// By car when the household has one, else on foot.
    case auto
  }

  /// Zone indices, in the order given.
  public var zones: [Int]
  /// Shelter indices (into `QueueNetwork.shelters`); empty: the nearest
  /// open shelter with room.
  public var shelters: [Int]
  public var mode: Mode
  public var premovement: DepartureDelay

  public init(zones: [Int], shelters: [Int] = [], mode: Mode, premovement: DepartureDelay) {
    self.zones = zones
    self.shelters = shelters
    self.mode = mode
    self.premovement = premovement
  }
}

/// The pre-movement delay between the order and a household setting off,
/// fixed or drawn per household (the NIST TN 1822 forms; evacuation.md §1.3).
public enum DepartureDelay: Sendable, Equatable {
  case fixed(seconds: Double)
  case uniform(min: Double, max: Double)
  /// Parameters of the underlying normal, as in NIST TN 1822.
  case lognormal(mu: Double, sigma: Double)
  case gamma(k: Double, theta: Double)
  case weibull(scale: Double, shape: Double)
  case exponential(mean: Double)
  /// Truncated at zero.
  case normal(mean: Double, sd: Double)

  /// Whether a draw is needed (a fixed delay takes none).
  public var isRandom: Bool {
    if case .fixed = self { return false }
    return true
  }

  /// A delay in seconds, never negative.
  public func draw(_ stream: inout RandomStream) -> Double {
    let value: Double
    switch self {
    case .fixed(let seconds): value = seconds
    case .uniform(let a, let b): value = stream.uniform(a, b)
    case .lognormal(let mu, let sigma): value = stream.lognormal(mu, sigma)
    case .gamma(let k, let theta): value = stream.gamma(shape: k, scale: theta)
    case .weibull(let scale, let shape): value = stream.weibull(scale: scale, shape: shape)
    case .exponential(let mean): value = stream.exponential(mean: mean)
    case .normal(let mean, let sd): value = stream.normal(mean, sd)
    }
    return value.isFinite ? max(0, value) : 0
  }
}
