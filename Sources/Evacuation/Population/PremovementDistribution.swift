import SimKernel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pre-movement (mobilisation) delay distribution, in seconds: the time
/// from receiving the order to leaving home.
///
/// The forms and parameterisations are NIST TN 1822's test 1.1 (Ronchi et
/// al. 2013, doi:10.6028/NIST.TN.1822; evacuation.md §1.3): uniform on
/// [low, high]; lognormal with the mean `mu` and deviation `sigma` of the
/// underlying normal; gamma with shape k and scale θ; Weibull with scale λ
/// and shape k. The presets below are that test's values. Draws use the
/// kernel's `RandomStream` distributions.
public enum PremovementDistribution: Sendable, Equatable {
  /// Always `seconds`.
  case fixed(Double)
  /// Uniform on [low, high].
  case uniform(low: Double, high: Double)
  /// Normal with `mean` and `sd`, negative draws clamped to 0
  /// (EvacuatioNZ's verification uses N(120, 30)).
  case normal(mean: Double, sd: Double)
  /// exp(N(mu, sigma)).
  case lognormal(mu: Double, sigma: Double)
  /// Gamma with `shape` k and `scale` θ; mean kθ.
  case gamma(shape: Double, scale: Double)
  /// Weibull with `scale` λ and `shape` k; CDF 1 - exp(-(t/λ)^k).
  case weibull(scale: Double, shape: Double)

  /// NIST TN 1822 test 1.1: U(10, 100) s.
  public static let nistUniform = PremovementDistribution.uniform(low: 10, high: 100)
  /// NIST TN 1822 test 1.1: Gamma(k = 1.291, θ = 103.901 s), mean 134 s.
  public static let nistGamma = PremovementDistribution.gamma(shape: 1.291, scale: 103.901)
  /// NIST TN 1822 test 1.1: Lognormal(μ = 4.586, σ = 0.967), median 98 s.
  public static let nistLognormal = PremovementDistribution.lognormal(mu: 4.586, sigma: 0.967)
  /// NIST TN 1822 test 1.1: Weibull(λ = 139.285 s, k = 1.195), mean 131 s.
  public static let nistWeibull = PremovementDistribution.weibull(scale: 139.285, shape: 1.195)

  /// A delay drawn from the distribution, seconds (never negative).
  public func sample(_ stream: inout RandomStream) -> Double {
    switch self {
    case .fixed(let seconds): seconds
    case .uniform(let low, let high): stream.uniform(low, high)
    case .normal(let mean, let sd): max(0, stream.normal(mean, sd))
    case .lognormal(let mu, let sigma): stream.lognormal(mu, sigma)
    case .gamma(let shape, let scale): stream.gamma(shape: shape, scale: scale)
    case .weibull(let scale, let shape): stream.weibull(scale: scale, shape: shape)
    }
  }

  /// The mean delay, seconds (for the normal, of the unclamped law).
  public var mean: Double {
    switch self {
    case .fixed(let seconds): seconds
    case .uniform(let low, let high): (low + high) / 2
    case .normal(let mean, _): mean
    case .lognormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
    case .gamma(let shape, let scale): shape * scale
    case .weibull(let scale, let shape): scale * tgamma(1 + 1 / shape)
    }
  }

  /// P(delay <= t).
  public func cdf(_ t: Double) -> Double {
    switch self {
    case .fixed(let seconds):
      return t >= seconds ? 1 : 0
    case .uniform(let low, let high):
      if t <= low { return 0 }
      return t >= high ? 1 : (t - low) / (high - low)
    case .normal(let mean, let sd):
      return t < 0 ? 0 : 0.5 * erfc(-(t - mean) / (sd * 2.0.squareRoot()))
    case .lognormal(let mu, let sigma):
      return t <= 0 ? 0 : 0.5 * erfc(-(log(t) - mu) / (sigma * 2.0.squareRoot()))
    case .gamma(let shape, let scale):
      return t <= 0 ? 0 : IncompleteGamma.regularizedLower(shape, t / scale)
    case .weibull(let scale, let shape):
      return t <= 0 ? 0 : 1 - exp(-pow(t / scale, shape))
    }
  }

  /// Checks the parameters.
  ///
  /// - Throws: `EvacuationError` at `location` for a negative delay or a
  ///   scale, shape or deviation that is not positive.
  public func validate(at location: String) throws(EvacuationError) {
    let valid: Bool
    switch self {
    case .fixed(let seconds): valid = seconds >= 0 && seconds.isFinite
    case .uniform(let low, let high): valid = low >= 0 && high >= low && high.isFinite
    case .normal(let mean, let sd): valid = mean.isFinite && sd > 0 && sd.isFinite
    case .lognormal(let mu, let sigma): valid = mu.isFinite && sigma > 0 && sigma.isFinite
    case .gamma(let shape, let scale), .weibull(let scale, let shape):
      valid = shape > 0 && scale > 0 && shape.isFinite && scale.isFinite
    }
    guard valid else { throw EvacuationError(location, "invalid distribution \(self)") }
  }
}
