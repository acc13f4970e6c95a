import Foundation
import SimKernel
import Testing

/// Sample moments of every distribution against their exact values.
///
/// Seeds are fixed, so these are deterministic checks; tolerances are a few
/// standard errors at 400k samples.
@Suite struct DistributionTests {
  static let n = 400_000

  func moments(_ name: String, _ draw: (inout RandomStream) -> Double) -> (
    mean: Double, variance: Double
  ) {
    var stream = RandomStream(seed: 2024, name: name)
    var tally = Tally()
    for _ in 0..<DistributionTests.n { tally.record(draw(&stream)) }
    return (tally.mean, tally.variance)
  }

  func check(
    _ name: String, mean: Double, variance: Double, tolerance: Double = 0.01,
    _ draw: (inout RandomStream) -> Double
  ) {
    let sample = moments(name, draw)
    #expect(
      abs(sample.mean - mean) <= tolerance * max(abs(mean), variance.squareRoot()),
      "\(name) mean \(sample.mean) vs \(mean)")
    #expect(
      abs(sample.variance / variance - 1) <= 3 * tolerance,
      "\(name) variance \(sample.variance) vs \(variance)")
  }

  @Test func uniform() {
    check("uniform", mean: 5, variance: 36.0 / 12) { $0.uniform(2, 8) }
  }

  @Test func exponential() {
    check("exponential", mean: 3, variance: 9) { $0.exponential(mean: 3) }
  }

  @Test func normal() {
    check("normal", mean: -2, variance: 0.25) { $0.normal(-2, 0.5) }
  }

  @Test func lognormal() {
    let mu = 1.0
    let sigma = 0.5
    let mean = exp(mu + sigma * sigma / 2)
    let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
    check("lognormal", mean: mean, variance: variance, tolerance: 0.015) { $0.lognormal(mu, sigma) }
  }

  @Test(arguments: [0.7, 1.5, 3.0])
  func weibull(shape: Double) {
    let scale = 2.0
    let g1 = tgamma(1 + 1 / shape)
    let g2 = tgamma(1 + 2 / shape)
    check("weibull", mean: scale * g1, variance: scale * scale * (g2 - g1 * g1), tolerance: 0.015) {
      $0.weibull(scale: scale, shape: shape)
    }
  }

  @Test(arguments: [0.3, 0.8, 1.0, 2.5, 9.0])
  func gamma(shape: Double) {
    let theta = 1.7
    check("gamma", mean: shape * theta, variance: shape * theta * theta, tolerance: 0.015) {
      $0.gamma(shape: shape, scale: theta)
    }
  }

  @Test func integerStaysInBoundsAndIsRoughlyUnbiased() {
    var stream = RandomStream(seed: 77, name: "dice")
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<600_000 {
      let face = stream.integer(1, 6)
      #expect(face >= 1 && face <= 6)
      counts[Int(face - 1)] += 1
    }
    for count in counts { #expect(abs(count - 100_000) < 1_500) }
  }

  @Test func integerEdgeRanges() {
    var stream = RandomStream(seed: 1, name: "edges")
    #expect(stream.integer(4, 4) == 4)
    #expect(stream.integer(-3, -3) == -3)
    var sawNegative = false
    var sawPositive = false
    for _ in 0..<1000 {
      let x = stream.integer(.min, .max)
      if x < 0 { sawNegative = true } else { sawPositive = true }
    }
    #expect(sawNegative && sawPositive)
    for _ in 0..<1000 {
      let x = stream.integer(-5, 5)
      #expect(x >= -5 && x <= 5)
    }
  }

  /// A range whose size does not divide 2^64 evenly is where a naive
  /// modulo would be biased; Lemire's method must not be.
  @Test func integerIsUnbiasedOnAnAwkwardRange() {
    var stream = RandomStream(seed: 8, name: "awkward")
    let third = Int64(1) << 62 + (Int64(1) << 61)  // 3 * 2^61: not a power of two
    var low = 0
    let n = 300_000
    for _ in 0..<n where stream.integer(0, third - 1) < third / 2 { low += 1 }
    #expect(abs(Double(low) / Double(n) - 0.5) < 0.005)
  }
}
