import SimKernel
import Testing

/// Tally and TimeWeighted numerics.
@Suite struct StatisticsTests {
  @Test func tallyMatchesTheTextbookFormulas() {
    var tally = Tally()
    #expect(tally.count == 0)
    #expect(tally.variance == 0)
    let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
    for x in values { tally.record(x) }
    #expect(tally.count == 8)
    #expect(tally.mean == 5)
    #expect(abs(tally.variance - 32.0 / 7) < 1e-12)
    #expect(abs(tally.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
    #expect(tally.min == 2)
    #expect(tally.max == 9)
  }

  /// Welford's update keeps precision where the naive sum of squares loses it.
  @Test func tallyIsStableWithALargeOffset() {
    var tally = Tally()
    for i in 0..<1000 { tally.record(1e9 + Double(i % 2)) }
    #expect(abs(tally.mean - (1e9 + 0.5)) < 1e-6)
    #expect(abs(tally.variance - 0.25 * 1000 / 999) < 1e-6)
  }

  @Test func singleObservationHasZeroVariance() {
    var tally = Tally()
    tally.record(3)
    #expect(tally.variance == 0)
    #expect(tally.mean == 3)
  }

  @Test func timeWeightedAveragesAPiecewiseLevel() {
    var level = TimeWeighted(level: 0, at: .zero)
    level.record(2, at: SimTime(ms: 10_000))  // 0 for 10 s
    level.record(4, at: SimTime(ms: 20_000))  // 2 for 10 s
    #expect(level.current == 4)
    #expect(level.max == 4)
    // 0*10 + 2*10 + 4*20 = 100 over 40 s
    #expect(abs(level.mean(at: SimTime(ms: 40_000)) - 2.5) < 1e-12)
  }

  @Test func timeWeightedWithALateStartAndZeroSpan() {
    var level = TimeWeighted(level: 3, at: SimTime(ms: 5_000))
    #expect(level.mean(at: SimTime(ms: 5_000)) == 3)
    level.record(1, at: SimTime(ms: 7_000))
    #expect(abs(level.mean(at: SimTime(ms: 9_000)) - 2) < 1e-12)
  }
}
