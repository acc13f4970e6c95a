import Recording
import SimKernel
import Testing

/// Sim time as the scenario's local wall-clock time.
@Suite struct ScenarioClockTests {
  @Test func localTimeInTheStartsOffset() {
    let clock = ScenarioClock(start: "2026-07-21T02:00:00+02:00")
    #expect(clock.offset == "+02:00")
    #expect(clock.text(at: .zero) == "2026-07-21 02:00:00")
    #expect(clock.text(at: SimTime(ms: 1_800_999)) == "2026-07-21 02:30:00")
    #expect(clock.text(at: SimTime(ms: 22 * 3_600_000)) == "2026-07-22 00:00:00")
  }

  @Test func monthAndLeapYearRollOver() {
    let clock = ScenarioClock(start: "2028-02-28T23:00:00Z")
    #expect(clock.text(at: SimTime(ms: 3_600_000)) == "2028-02-29 00:00:00")
    #expect(clock.text(at: SimTime(ms: 25 * 3_600_000)) == "2028-03-01 00:00:00")
  }

  @Test func withoutAStartTheClockCountsFromZero() {
    #expect(ScenarioClock(start: nil).text(at: SimTime(ms: 3_723_000)) == "T+01:02:03")
    #expect(ScenarioClock(start: "soon").text(at: .zero) == "T+00:00:00")
  }
}
