import Evacuation
import Foundation
import SimKernel

/// An evacuation order: which zones leave, for which shelters, how, and
/// after what delay.
///
/// Nil fields keep the run's mobilisation model (`MobilisationModel`): its
/// pre-movement per population group and its shadow share.
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
  /// One delay law for every group instead of the per-group defaults.
  public var premovement: DepartureDelay?
  /// Share of households outside the ordered zones that leave anyway.
  public var shadowShare: Double?
  /// In `auto` mode: the share of each zone's households that drive,
  /// spread evenly over the roster (household k of a zone drives when
  /// floor((k + 1) x share) > floor(k x share)); nil: those with a vehicle.
  public var carShare: Double?
  /// Share of leaving households that go home again from the shelter.
  public var returnShare: Double?
  /// Time from reaching a shelter until a returning household sets off home.
  public var returnAfter: DepartureDelay?
  /// Time at home before a returning household sets off for a shelter again.
  public var returnDwell: DepartureDelay?
  /// Share of returning households that stay home.
  public var returnStayShare: Double?

  public init(
    zones: [Int], shelters: [Int] = [], mode: Mode, premovement: DepartureDelay? = nil,
    shadowShare: Double? = nil, carShare: Double? = nil
  ) {
    self.zones = zones
    self.shelters = shelters
    self.mode = mode
    self.premovement = premovement
    self.shadowShare = shadowShare
    self.carShare = carShare
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

  /// The same law as a population model's distribution (an exponential
  /// is a gamma of shape 1).
  public var distribution: PremovementDistribution {
    switch self {
    case .fixed(let seconds): .fixed(seconds)
    case .uniform(let a, let b): .uniform(low: a, high: b)
    case .lognormal(let mu, let sigma) where sigma == 0: .fixed(exp(mu))
    case .lognormal(let mu, let sigma): .lognormal(mu: mu, sigma: sigma)
    case .gamma(let k, let theta): .gamma(shape: k, scale: theta)
    case .weibull(let scale, let shape): .weibull(scale: scale, shape: shape)
    case .exponential(let mean): .gamma(shape: 1, scale: mean)
    case .normal(let mean, let sd) where sd == 0: .fixed(max(0, mean))
    case .normal(let mean, let sd): .normal(mean: mean, sd: sd)
    }
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
