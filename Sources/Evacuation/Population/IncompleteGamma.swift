#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularised lower incomplete gamma function P(a, x), for the gamma
/// distribution's CDF.
///
/// Series for x < a + 1, Lentz's continued fraction for the complement
/// otherwise (Numerical Recipes 3rd ed. §6.2); both converge to about 1e-15.
enum IncompleteGamma {
  static func regularizedLower(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 0 }
    let logPrefix = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return min(1, sum * exp(logPrefix))
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return max(0, 1 - exp(logPrefix) * h)
  }
}
