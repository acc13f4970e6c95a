import Foundation

/// Student's t distribution: the quantiles behind confidence intervals of
/// a mean from a few replications.
public enum StudentT {
  /// The two-sided `confidence` critical value for `degrees` degrees of
  /// freedom: t such that P(|T| <= t) = confidence (12.706 for 95 % and 1).
  public static func critical(confidence: Double = 0.95, degrees: Int) -> Double {
    quantile((1 + confidence) / 2, degrees: degrees)
  }

  /// The `p` quantile (0 < p < 1), by bisection on the distribution
  /// function; accurate to about 1e-12 relative.
  public static func quantile(_ p: Double, degrees: Int) -> Double {
    precondition(degrees >= 1 && p > 0 && p < 1)
    if p == 0.5 { return 0 }
    if p < 0.5 { return -quantile(1 - p, degrees: degrees) }
    var low = 0.0
    var high = 1.0
    while cdf(high, degrees: degrees) < p { high *= 2 }
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if cdf(mid, degrees: degrees) < p { low = mid } else { high = mid }
      if high - low <= 1e-13 * high { break }
    }
    return (low + high) / 2
  }

  /// P(T <= t).
  public static func cdf(_ t: Double, degrees: Int) -> Double {
    let v = Double(degrees)
    let tail = 0.5 * regularizedBeta(v / (v + t * t), a: v / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The regularized incomplete beta function I_x(a, b), by Lentz's
  /// continued fraction (Numerical Recipes, 3rd ed., 6.4).
  static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logBeta + logPowers
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let m = Double(m)
      let evenTop: Double = m * (b - m) * x
      let even = evenTop / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let oddTop: Double = -(a + m) * (a + b + m) * x
      let odd = oddTop / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return h
  }
}

/// Mean, standard deviation and a Student-t confidence interval of a
/// sample (the replications of one point, or paired differences).
public struct SampleSummary: Equatable, Sendable {
  public let count: Int
  public let mean: Double
  /// The sample standard deviation (n - 1 in the denominator); 0 for one value.
  public let sd: Double
  /// Half the width of the confidence interval; nil with fewer than two values.
  public let halfWidth: Double?
  public let confidence: Double

  /// Summarises `values` (NaNs are left out) at `confidence` (default 95 %).
  public init(_ values: [Double], confidence: Double = 0.95) {
    let values = values.filter { !$0.isNaN }
    self.confidence = confidence
    count = values.count
    guard !values.isEmpty else {
      mean = .nan
      sd = .nan
      halfWidth = nil
      return
    }
    // Welford's update: stable for large means with small spreads.
    var mean = 0.0
    var squares = 0.0
    for (n, x) in values.enumerated() {
      let delta = x - mean
      mean += delta / Double(n + 1)
      squares += delta * (x - mean)
    }
    self.mean = mean
    sd = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
    halfWidth =
      values.count > 1
      ? StudentT.critical(confidence: confidence, degrees: values.count - 1) * sd
        / Double(values.count).squareRoot()
      : nil
  }

  /// The interval's ends, when there is an interval.
  public var interval: (low: Double, high: Double)? {
    halfWidth.map { (mean - $0, mean + $0) }
  }
}
