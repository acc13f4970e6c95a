#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distributions scenarios draw from. Each documents its parameters as
/// the Lua API names them (`sim.rng(name):exponential(mean)` and so on).
extension RandomStream {
  /// Uniform on [a, b).
  public mutating func uniform(_ a: Double, _ b: Double) -> Double {
    a + (b - a) * unit()
  }

  /// Exponential with the given mean (inverse transform).
  @inlinable @inline(__always) public mutating func exponential(mean: Double) -> Double {
    -mean * log(1 - unit())
  }

  /// Normal with mean `mu` and standard deviation `sigma` (Marsaglia's
  /// polar method; the second deviate of each pair is kept for the next call).
  public mutating func normal(_ mu: Double, _ sigma: Double) -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return mu + sigma * spare
    }
    while true {
      let u = 2 * unit() - 1
      let v = 2 * unit() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * log(s) / s).squareRoot()
        spareNormal = v * factor
        return mu + sigma * u * factor
      }
    }
  }

  /// Lognormal: exp of a normal with mean `mu` and deviation `sigma` (the
  /// parameters of the underlying normal, as in NIST TN 1822's forms).
  public mutating func lognormal(_ mu: Double, _ sigma: Double) -> Double {
    exp(normal(mu, sigma))
  }

  /// Weibull with `scale` (lambda) and `shape` (k).
  public mutating func weibull(scale: Double, shape: Double) -> Double {
    scale * pow(-log(1 - unit()), 1 / shape)
  }

  /// Gamma with shape `k` and scale `theta` (Marsaglia and Tsang 2000).
  public mutating func gamma(shape k: Double, scale theta: Double) -> Double {
    if k < 1 {
      // Boost: Gamma(k) = Gamma(k + 1) * U^(1/k).
      let boosted = gamma(shape: k + 1, scale: theta)
      return boosted * pow(1 - unit(), 1 / k)
    }
    let d = k - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal(0, 1)
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = 1 - unit()
      if u < 1 - 0.0331 * x * x * x * x { return d * v * theta }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * theta }
    }
  }

  /// An integer uniform on the closed range [a, b] (Lemire's unbiased method).
  ///
  /// - Precondition: `a <= b`.
  public mutating func integer(_ a: Int64, _ b: Int64) -> Int64 {
    precondition(a <= b, "empty integer range")
    let span = UInt64(bitPattern: b &- a) &+ 1
    if span == 0 { return Int64(bitPattern: next()) }  // the full 64-bit range
    var m = next().multipliedFullWidth(by: span)
    if m.low < span {
      let threshold = (0 &- span) % span
      while m.low < threshold { m = next().multipliedFullWidth(by: span) }
    }
    return a &+ Int64(bitPattern: m.high)
  }
}
