import Hazards
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Intensity-duration thresholds (reference/hazards.md §9.1) and the
/// first time a rain record crosses one.
@Suite struct RainfallThresholdTests {
  @Test(arguments: [
    (RainfallThreshold.caine1980, 1.0, 14.82), (RainfallThreshold.caine1980, 6, 7.37),
    (RainfallThreshold.caine1980, 24, 4.29), (RainfallThreshold.guzzetti2008, 1, 2.20),
    (RainfallThreshold.guzzetti2008, 6, 1.00), (RainfallThreshold.guzzetti2008, 24, 0.543),
  ])
  func thresholdsMatchThePublishedVectors(
    threshold: RainfallThreshold, hours: Double, intensity: Double
  ) {
    // The table rounds to 3 significant digits.
    #expect(abs(threshold.intensity(hours: hours) - intensity) < 0.006)
    #expect(abs(threshold.depth(hours: hours) - threshold.intensity(hours: hours) * hours) < 1e-9)
  }

  @Test func constantRainCrossesWhereItsIntensityMeetsTheCurve() throws {
    var record = RainfallRecord()
    try record.add(mmPerHour: 10, from: 3600, to: .infinity)
    let crossing = try #require(record.firstCrossing(of: .caine1980, until: 86400))
    // 10 = 14.82 D^-0.39  =>  D = (14.82 / 10)^(1 / 0.39) h.
    let hours = pow(14.82 / 10, 1 / 0.39)
    #expect(abs(crossing.time - (3600 + hours * 3600)) < 1e-5)
    #expect(abs(crossing.hours - hours) < 1e-9)
    #expect(abs(crossing.intensity - 10) < 1e-9)
    // Too little rain never crosses within the horizon.
    var drizzle = RainfallRecord()
    try drizzle.add(mmPerHour: 1, from: 0, to: .infinity)
    #expect(drizzle.firstCrossing(of: .caine1980, until: 86400) == nil)
  }

  @Test func aBurstShorterThanTheMinimumDurationWaits() throws {
    // Guzzetti at 20 mm/h would cross after 0.0066 h; events start at 0.1 h.
    var record = RainfallRecord()
    try record.add(mmPerHour: 20, from: 0, to: .infinity)
    let crossing = try #require(record.firstCrossing(of: .guzzetti2008, until: 3600))
    #expect(crossing.time == 360)
  }

  @Test func aLongDrySpellStartsANewEvent() throws {
    let threshold = try RainfallThreshold(a: 14.82, b: 0.39)
    let hours = pow(14.82 / 10, 1 / 0.39)
    var record = RainfallRecord()
    // 1 h of rain (under the curve), 7 h dry, then steady rain again.
    try record.add(mmPerHour: 10, from: 0, to: 3600)
    try record.add(mmPerHour: 10, from: 8 * 3600, to: .infinity)
    let crossing = try #require(record.firstCrossing(of: threshold, until: 86400))
    #expect(abs(crossing.time - (8 + hours) * 3600) < 1e-5)
    // With a shorter gap the first hour counts: the event is 10 mm richer
    // but longer, and crosses when 10 (D - 1) = 14.82 D^0.61, D from 0 h.
    var joined = RainfallRecord()
    try joined.add(mmPerHour: 10, from: 0, to: 3600)
    try joined.add(mmPerHour: 10, from: 2 * 3600, to: .infinity)
    let later = try #require(joined.firstCrossing(of: threshold, until: 86400))
    let d = later.time / 3600
    #expect(abs(10 * (d - 1) - 14.82 * pow(d, 0.61)) < 1e-6)
  }

  @Test func badThresholdsAreRefused() {
    #expect(throws: HazardsError.self) { try RainfallThreshold(a: 0, b: 0.4) }
    #expect(throws: HazardsError.self) { try RainfallThreshold(a: 10, b: 1.2) }
  }
}
