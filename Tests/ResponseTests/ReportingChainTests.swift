import Response
import SimKernel
import Testing

@Suite("Reporting chain")
struct ReportingChainTests {
  static func minutes(_ m: Int64) -> SimTime { SimTime(ms: m * 60_000) }

  @Test("the township's first report is due 20 min after the occurrence")
  func firstReportDeadline() throws {
    let chain = try ReportingChain()
    try chain.open("breach", at: Self.minutes(5))
    let due = try chain.submit("breach", level: .township, stage: .first, at: Self.minutes(24))
    #expect(due == Self.minutes(25))
    let onTime = chain.compliance(at: Self.minutes(30))
    #expect(onTime.late == 0)
  }

  /// Late and missing reports by hand, default rules.
  ///
  /// Event at 0, end at 190 min. Village first due 10: sent 8 -> on time.
  /// township first due 20: sent 25 -> late.
  /// township follow-ups due 60, 120, 180 (open): sent 50 (on time),
  ///   130 (late), none (missing: 180 < 190).
  /// township final: not due (event open).
  /// county first due 120: never sent -> missing.
  /// Totals: due 6, on time 2, late 2, missing 2; the next follow-up
  /// (due 240) is pending.
  @Test("late and missing reports are counted")
  func lateAndMissing() throws {
    let chain = try ReportingChain()
    try chain.open("breach", at: .zero)
    try chain.submit("breach", level: .village, stage: .first, at: Self.minutes(8))
    try chain.submit("breach", level: .township, stage: .first, at: Self.minutes(25))
    try chain.submit("breach", level: .township, stage: .followUp, at: Self.minutes(50))
    try chain.submit("breach", level: .township, stage: .followUp, at: Self.minutes(130))
    let counts = chain.compliance(at: Self.minutes(190))
    #expect(counts.due == 6)
    #expect(counts.onTime == 2)
    #expect(counts.late == 2)
    #expect(counts.missing == 2)
    #expect(counts.pending == 1)
    // At 170 min the third follow-up is not yet due: pending.
    let earlier = chain.compliance(at: Self.minutes(170))
    #expect(earlier.missing == 1)
    #expect(earlier.pending == 1)
  }

  /// Closed at 100 min: follow-ups stop (due 60 only), the final is due
  /// at 100 min + 24 h.
  @Test("closing an event stops follow-ups and makes the final report due")
  func closing() throws {
    let chain = try ReportingChain(rules: [
      ReportRule(level: .township, stage: .followUp, within: 3600, every: 3600),
      ReportRule(level: .township, stage: .final, within: 600),
    ])
    try chain.open("fire", at: .zero)
    try chain.close("fire", at: Self.minutes(100))
    try chain.submit("fire", level: .township, stage: .final, at: Self.minutes(115))
    let requirements = chain.requirements(at: Self.minutes(300))
    #expect(requirements.map(\.due) == [Self.minutes(60), Self.minutes(110)])
    let counts = chain.compliance(at: Self.minutes(300))
    #expect(counts.missing == 1)
    #expect(counts.late == 1)
    let metrics = chain.metrics(at: Self.minutes(300))
    #expect(metrics.first { $0.name == "reports.late" }?.value == 1)
    #expect(metrics.first { $0.name == "reports.missing" }?.value == 1)
  }

  /// Event at 5 min; village first report at 12, township at 24 and again
  /// at 30; no county report: delays 7 and 19 min, no county metric.
  @Test("first reports are timed per level from the first event")
  func firstReportDelays() throws {
    let chain = try ReportingChain()
    try chain.open("breach", at: Self.minutes(5))
    try chain.open("fire", at: Self.minutes(6))
    try chain.submit("fire", level: .village, stage: .first, at: Self.minutes(7))
    try chain.submit("breach", level: .village, stage: .first, at: Self.minutes(12))
    try chain.submit("breach", level: .township, stage: .first, at: Self.minutes(24))
    try chain.submit("breach", level: .township, stage: .first, at: Self.minutes(30))
    let metrics = chain.metrics(at: Self.minutes(60))
    #expect(metrics.first { $0.name == "reports.village.first_s" }?.value == 420)
    #expect(metrics.first { $0.name == "reports.township.first_s" }?.value == 1140)
    #expect(!metrics.contains { $0.name == "reports.county.first_s" })
    // Not yet sent at 20 min: no township metric then.
    #expect(chain.firstReportDelay(level: .township, at: Self.minutes(20)) == nil)
  }

  @Test("errors name the report event")
  func errors() throws {
    let chain = try ReportingChain()
    #expect(throws: ResponseError("report event x", "not opened")) {
      try chain.submit("x", level: .village, stage: .first, at: .zero)
    }
  }
}
