#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-sample Kolmogorov-Smirnov test of sampled delays against a
/// distribution.
///
/// NIST TN 1822 test 1.1 passes a model when its pre-evacuation times fit
/// the prescribed distribution with p > 0.05; this is that check, kept in
/// the module so verification runs and reports can use it too.
public struct KolmogorovSmirnov: Sendable, Equatable {
  /// The largest distance between the empirical and the model CDF.
  public let statistic: Double
  /// Sample size.
  public let count: Int

  /// The test of `samples` against `cdf`.
  ///
  /// - Complexity: O(n log n) for the sort.
  public init(samples: [Double], cdf: (Double) -> Double) {
    let sorted = samples.sorted()
    let n = Double(sorted.count)
    var distance = 0.0
    for (index, value) in sorted.enumerated() {
      let model = cdf(value)
      distance = max(distance, Double(index + 1) / n - model, model - Double(index) / n)
    }
    statistic = distance
    count = sorted.count
  }

  /// The asymptotic p-value, Q_KS((√n + 0.12 + 0.11/√n) D) (Stephens 1970,
  /// as in Numerical Recipes §14.3.3).
  public var pValue: Double {
    guard count > 0 else { return 1 }
    let root = Double(count).squareRoot()
    return Self.kolmogorovComplement((root + 0.12 + 0.11 / root) * statistic)
  }

  /// Q_KS(λ) = P(K > λ) = 2 Σ_{j>=1} (-1)^(j-1) exp(-2 j² λ²) for the
  /// Kolmogorov distribution K; 1 for λ below 0.2 where the series is slow
  /// (and Q is 1 to 15 digits anyway).
  public static func kolmogorovComplement(_ lambda: Double) -> Double {
    guard lambda >= 0.2 else { return 1 }
    var sum = 0.0
    var sign = 1.0
    for j in 1...200 {
      let jd = Double(j)
      let term = sign * exp(-2 * jd * jd * lambda * lambda)
      sum += term
      if abs(term) <= 1e-16 * abs(sum) { break }
      sign = -sign
    }
    return min(1, max(0, 2 * sum))
  }
}
