import Hazards
import Testing

@Suite struct FloodSeriesTests {
  @Test func interpolatesAndHoldsTheEnds() throws {
    let series = try FloodSeries([(10, 1), (20, 3), (20, 5), (30, 5)])
    #expect(series.value(at: 0) == 1)
    #expect(series.value(at: 15) == 2)
    #expect(series.value(at: 20) == 5)
    #expect(series.value(at: 99) == 5)
  }

  @Test func integratesExactlyAcrossPointsAndJumps() throws {
    let series = try FloodSeries([(10, 1), (20, 3), (20, 5), (30, 5)])
    // 0..10 held at 1 (10), 10..20 trapezoid (20), 20..30 at 5 (50), 30..40 at 5 (50).
    #expect(series.integral(from: 0, to: 40) == 130)
    #expect(series.integral(from: 15, to: 25) == 12.5 + 25)
    var total = 0.0
    var t = 0.0
    while t < 40 {
      total += series.integral(from: t, to: t + 0.37)
      t += 0.37
    }
    #expect(abs(total - series.integral(from: 0, to: t)) < 1e-12)
  }

  @Test func rejectsBadPoints() {
    #expect(throws: HazardsError.self) { try FloodSeries([]) }
    #expect(throws: HazardsError.self) { try FloodSeries([(5, 1), (4, 1)]) }
    #expect(throws: HazardsError.self) { try FloodSeries([(0, .nan)]) }
  }
}
