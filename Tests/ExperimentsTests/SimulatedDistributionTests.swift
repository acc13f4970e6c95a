import Experiments
import Testing

/// The mid-rank percentile and the type-7 quantiles on distributions
/// worked out by hand.
@Suite struct SimulatedDistributionTests {
  @Test func midRankPercentilesOfFiveDistinctValues() {
    let d = SimulatedDistribution([50, 10, 40, 20, 30])
    #expect(d.values == [10, 20, 30, 40, 50])
    #expect(d.percentile(of: 5) == 0)
    #expect(d.percentile(of: 10) == 10)  // 0 below, 1 equal: 0.5 / 5
    #expect(d.percentile(of: 25) == 40)  // 2 below
    #expect(d.percentile(of: 30) == 50)  // 2 below, 1 equal
    #expect(d.percentile(of: 50) == 90)
    #expect(d.percentile(of: 51) == 100)
  }

  @Test func tiesCountHalf() {
    let d = SimulatedDistribution([1, 2, 2, 2, 3, 4, 4, 5])
    #expect(d.percentile(of: 2) == 31.25)  // (1 below + 1.5) / 8
    #expect(d.percentile(of: 4) == 75)  // (5 below + 1) / 8
    #expect(SimulatedDistribution([7, 7, 7]).percentile(of: 7) == 50)
  }

  @Test func aSingleRunGivesZeroFiftyOrHundred() {
    let d = SimulatedDistribution([300])
    #expect(d.percentile(of: 299) == 0)
    #expect(d.percentile(of: 300) == 50)
    #expect(d.percentile(of: 301) == 100)
    #expect(d.median == 300)
    #expect(d.quantile(0.1) == 300)
  }

  @Test func nanAndInfinityAreLeftOutAndAnEmptySampleHasNoPercentile() {
    let d = SimulatedDistribution([.nan, 2, .infinity, 1])
    #expect(d.count == 2)
    #expect(d.percentile(of: 1.5) == 50)
    let empty = SimulatedDistribution([.nan])
    #expect(empty.percentile(of: 1) == nil)
    #expect(empty.median == nil)
  }

  @Test func typeSevenQuantilesInterpolate() {
    let d = SimulatedDistribution([10, 20, 30, 40, 50])
    #expect(d.median == 30)
    #expect(abs((d.quantile(0.1) ?? 0) - 14) < 1e-9)  // h = 0.4: 10 + 0.4 x 10
    #expect(abs((d.quantile(0.9) ?? 0) - 46) < 1e-9)
    #expect(d.quantile(0) == 10)
    #expect(d.quantile(1) == 50)
    #expect(SimulatedDistribution([1, 2, 3, 4]).median == 2.5)
  }
}
