import Evacuation
import Foundation
import SimKernel
import Testing

@Suite("Pre-movement distributions and the KS test")
struct PremovementDistributionTests {
  static let nist: [PremovementDistribution] = [
    .nistUniform, .nistGamma, .nistLognormal, .nistWeibull,
  ]

  @Test("KS statistic of a hand sample and the Kolmogorov tail")
  func kolmogorovSmirnovBasics() {
    // [0.1, 0.5, 0.9] against U(0, 1): the largest gap is 0.9 - 2/3 (and 1/3 - 0.1).
    let test = KolmogorovSmirnov(samples: [0.9, 0.1, 0.5]) { min(1, max(0, $0)) }
    #expect(abs(test.statistic - (1.0 / 3.0 - 0.1)) < 1e-15)
    // Tabulated quantiles of the Kolmogorov distribution: P(K > 1.3581) = 0.05,
    // P(K > 1.6276) = 0.01, P(K > 0.8276) = 0.5.
    #expect(abs(KolmogorovSmirnov.kolmogorovComplement(1.3581) - 0.05) < 1e-4)
    #expect(abs(KolmogorovSmirnov.kolmogorovComplement(1.6276) - 0.01) < 1e-4)
    #expect(abs(KolmogorovSmirnov.kolmogorovComplement(0.8276) - 0.5) < 1e-3)
  }

  @Test("CDFs against closed forms and a numerical integral")
  func cdfs() {
    // Gamma with integer shape: P(2, x) = 1 - e^-x (1 + x); P(3, 10) = 1 - 61 e^-10.
    let gamma2 = PremovementDistribution.gamma(shape: 2, scale: 10)
    #expect(abs(gamma2.cdf(15) - (1 - exp(-1.5) * 2.5)) < 1e-13)
    let gamma3 = PremovementDistribution.gamma(shape: 3, scale: 1)
    #expect(abs(gamma3.cdf(10) - (1 - 61 * exp(-10))) < 1e-13)
    // NIST gamma by Simpson's rule on the density from 0 to 200 s
    // (substituting t = u^2 removes the t^0.291 kink at 0).
    let k = 1.291
    let theta = 103.901
    func density(_ t: Double) -> Double {
      pow(t, k - 1) * exp(-t / theta) / (tgamma(k) * pow(theta, k))
    }
    let steps = 20_000
    let upper = 200.0.squareRoot()
    var integral = 0.0
    for i in 0...steps {
      let u = upper * Double(i) / Double(steps)
      let weight = i == 0 || i == steps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
      integral += weight * density(u * u) * 2 * u
    }
    integral *= upper / Double(steps) / 3
    #expect(abs(PremovementDistribution.nistGamma.cdf(200) - integral) < 1e-8)
    #expect(abs(PremovementDistribution.nistLognormal.cdf(exp(4.586)) - 0.5) < 1e-15)
    #expect(abs(PremovementDistribution.nistWeibull.cdf(139.285) - (1 - exp(-1))) < 1e-15)
    #expect(PremovementDistribution.nistUniform.cdf(55) == 0.5)
    // Means quoted by NIST TN 1822: 134, 157 and 131 s.
    #expect(abs(PremovementDistribution.nistGamma.mean - 134) < 0.5)
    #expect(abs(PremovementDistribution.nistLognormal.mean - 157) < 0.5)
    #expect(abs(PremovementDistribution.nistWeibull.mean - 131) < 0.5)
  }

  /// One KS test at the 5 % level rejects a correct sampler for one seed in
  /// twenty by design; this seed was fixed once, and `rejectionRate` checks
  /// the rate itself over many seeds.
  @Test("sampled delays fit each NIST TN 1822 distribution (KS p > 0.05)", arguments: nist)
  func samplesFit(_ distribution: PremovementDistribution) {
    var stream = RandomStream(seed: 1, name: "ks.\(distribution)")
    let samples = (0..<2_000).map { _ in distribution.sample(&stream) }
    let test = KolmogorovSmirnov(samples: samples, cdf: distribution.cdf)
    #expect(test.count == 2_000)
    #expect(test.pValue > 0.05, "D = \(test.statistic), p = \(test.pValue)")
  }

  @Test("correct samplers are rejected at the 5 % level about 5 % of the time", arguments: nist)
  func rejectionRate(_ distribution: PremovementDistribution) {
    var rejected = 0
    for seed in 0..<200 as Range<UInt64> {
      var stream = RandomStream(seed: seed, name: "ks.rate")
      let samples = (0..<1_000).map { _ in distribution.sample(&stream) }
      if KolmogorovSmirnov(samples: samples, cdf: distribution.cdf).pValue < 0.05 { rejected += 1 }
    }
    // Binomial(200, 0.05): mean 10, sd 3.1; a biased sampler or a wrong
    // p-value moves the count far outside 0...22.
    #expect(rejected <= 22, "\(rejected) of 200 rejected")
    #expect(rejected >= 1)
  }

  @Test("a wrong distribution is rejected (KS p < 0.01)")
  func negativeControl() {
    var stream = RandomStream(seed: 2013, name: "ks")
    let lognormal = (0..<2_000).map { _ in PremovementDistribution.nistLognormal.sample(&stream) }
    let asGamma = KolmogorovSmirnov(samples: lognormal, cdf: PremovementDistribution.nistGamma.cdf)
    #expect(asGamma.pValue < 0.01, "D = \(asGamma.statistic)")
    let uniform = (0..<2_000).map { _ in PremovementDistribution.nistUniform.sample(&stream) }
    let asWeibull = KolmogorovSmirnov(
      samples: uniform, cdf: PremovementDistribution.nistWeibull.cdf)
    #expect(asWeibull.pValue < 0.01, "D = \(asWeibull.statistic)")
  }

  @Test("invalid parameters are rejected with their location")
  func validation() {
    #expect(throws: EvacuationError.self) {
      try PremovementDistribution.gamma(shape: 0, scale: 1).validate(at: "premovement.elderly")
    }
    #expect(throws: EvacuationError.self) {
      try PremovementDistribution.uniform(low: 10, high: 5).validate(at: "x")
    }
    #expect(throws: Never.self) { try PremovementDistribution.nistWeibull.validate(at: "x") }
  }
}
