import Foundation
import SimKernel
import Testing

/// The ziggurat exponential sampler against the exact distribution, and its
/// literal tables against the recurrence they come from.
@Suite struct ZigguratTests {
  static let n = 400_000

  func sample(seed: UInt64, mean: Double = 1) -> [Double] {
    var stream = RandomStream(seed: seed, name: "ziggurat")
    return (0..<ZigguratTests.n).map { _ in stream.exponentialZiggurat(mean: mean) }
  }

  @Test func meanAndVariance() {
    var tally = Tally()
    for x in sample(seed: 3, mean: 3) { tally.record(x) }
    // Standard errors at n = 400k: mean 0.0047, variance about 0.03.
    #expect(abs(tally.mean - 3) < 0.025, "mean \(tally.mean)")
    #expect(abs(tally.variance / 9 - 1) < 0.02, "variance \(tally.variance)")
  }

  /// Kolmogorov-Smirnov distance to the Exp(1) CDF, below the 0.1% critical
  /// value 1.95 / sqrt(n), for several seeds.
  @Test(arguments: [UInt64(1), 2, 3])
  func kolmogorovSmirnov(seed: UInt64) {
    let xs = sample(seed: seed).sorted()
    let n = Double(xs.count)
    var distance = 0.0
    for (i, x) in xs.enumerated() {
      let cdf = 1 - exp(-x)
      distance = max(distance, abs(Double(i + 1) / n - cdf), abs(cdf - Double(i) / n))
    }
    #expect(distance < 1.95 / n.squareRoot(), "KS distance \(distance)")
  }

  /// The slow paths: the tail beyond r (base layer) and the wedges near the
  /// top must carry exactly their probability mass.
  @Test func tailAndWedgeMasses() {
    let xs = sample(seed: 9)
    let n = Double(xs.count)
    for (low, high) in [(ExponentialZiggurat.r, Double.infinity), (10, .infinity), (0, 0.05)] {
      let expected = n * (exp(-low) - exp(-high))
      let observed = Double(xs.filter { $0 >= low && $0 < high }.count)
      let sigma = expected.squareRoot()
      #expect(abs(observed - expected) < 5 * sigma + 1, "[\(low), \(high)): \(observed)")
    }
    #expect(xs.allSatisfy { $0 >= 0 && $0.isFinite })
  }

  @Test func isDeterministicPerSeed() {
    #expect(sample(seed: 5).prefix(1000) == sample(seed: 5).prefix(1000))
    #expect(sample(seed: 5).prefix(1000) != sample(seed: 6).prefix(1000))
  }

  /// The literals match the recurrence, and the recurrence closes at zero
  /// (every layer has the same area).
  @Test func tablesMatchTheRecurrence() {
    let (x, closure) = ExponentialZiggurat.layerEdges()
    #expect(abs(closure) < 1e-12, "x[256] from the recurrence: \(closure)")
    #expect(ExponentialZiggurat.coreTable.count == 512)
    #expect(ExponentialZiggurat.densityTable.count == 257)
    for i in 0..<256 {
      #expect(ExponentialZiggurat.coreTable[2 * i] == UInt64((x[i + 1] / x[i]) * 0x1.0p53))
      #expect(Double(bitPattern: ExponentialZiggurat.coreTable[2 * i + 1]) == x[i] * 0x1.0p-53)
      // Layer i: width x[i], height exp(-x[i + 1]) - exp(-x[i]); the base
      // layer's rectangle of width x[0] at height exp(-r) stands for its
      // area v.
      let area = i == 0 ? x[0] * exp(-x[1]) : x[i] * (exp(-x[i + 1]) - exp(-x[i]))
      #expect(abs(area / ExponentialZiggurat.area - 1) < 1e-9, "layer \(i) area \(area)")
    }
    for i in 0...256 { #expect(ExponentialZiggurat.densityTable[i] == exp(-x[i])) }
  }
}
