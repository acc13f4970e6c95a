import Experiments
import Testing

/// Reading drill logs: every time form, clock times against the order,
/// anchors, and bad rows refused with the file and line.
@Suite struct DrillLogTests {
  static let header = "event,time,zone,value,note\n"

  static func log(_ body: String) throws(ExperimentsError) -> DrillLog {
    try DrillLog(text: header + body, path: "drill.csv")
  }

  /// The error reading `body` raises, or nil.
  static func error(_ body: String, header: String = header) -> ExperimentsError? {
    do {
      _ = try DrillLog(text: header + body, path: "drill.csv")
      return nil
    } catch {
      return error
    }
  }

  @Test func elapsedTimesInEveryFormAreSecondsFromTheOrder() throws {
    let log = try Self.log(
      """
      # a comment, then a blank line

      zone_t50,1800,z1,,
      zone_t90,30:00,z2,,
      zone_t100,1:05:30,z3,,
      zone_t50,T+95:00,,,
      all_confirmed,7200.5,,,"headcount, by roster"
      """)
    #expect(log.rows.map(\.sinceOrder) == [1800, 1800, 3930, 5700, 7200.5])
    #expect(log.rows.map(\.line) == [4, 5, 6, 7, 8])
    #expect(log.rows[4].note == "headcount, by roster")
    #expect(log.rows[1].kind == .zoneClearance(percent: 90))
    #expect(log.rows[3].subject == "")
  }

  @Test func clockTimesCountFromTheOrdersClockTimeAcrossMidnight() throws {
    let log = try Self.log(
      """
      exercise_start,@23:50:00,,,
      evacuation_order,@23:55,,,
      grid_acknowledged,@00:01:30,g-a,,
      zone_t90,@01:10:00,za,,
      """)
    #expect(log.rows.map(\.sinceOrder) == [-300, 0, 390, 4500])
    // The order is compared from exercise_start; acknowledgements from the warning (T+0 here).
    #expect(log.observed(log.rows[1]).value == 300)
    #expect(log.observed(log.rows[2]).value == 390)
    #expect(log.observed(log.rows[0]).value == nil)
  }

  @Test func acknowledgementsCountFromTheWarningRow() throws {
    let log = try Self.log("warning_issued,2:00,,,\ngrid_acknowledged,10:00,g-a,,\n")
    #expect(log.warningSinceOrder == 120)
    #expect(log.observed(log.rows[1]).value == 480)
  }

  @Test func valuesAndMetricEventsReadTheValueColumn() throws {
    let log = try Self.log(
      "shelter_peak,,shelter-1,640,\nmetric:supply.water.delivered,,,12.5,\nzone_safe,3:00:00,,941,\n"
    )
    #expect(log.rows.map(\.value) == [640, 12.5, 941])
    #expect(log.rows[1].kind == .metric("supply.water.delivered"))
    #expect(log.rows[1].kind.metricName(subject: "") == "supply.water.delivered")
    #expect(log.rows[0].kind.metricName(subject: "shelter-1") == "shelter.shelter-1.peak")
  }

  @Test func theHeaderMayLeaveOutTheNoteColumnAndCarryABOM() throws {
    let log = try DrillLog(text: "\u{FEFF}event,time,zone,value\r\nzone_t50,60,,\r\n", path: "x")
    #expect(log.rows.count == 1)
    #expect(log.rows[0].sinceOrder == 60)
  }

  @Test(arguments: [
    ("zone_t50,1800,z1,,\nbogus,10,,,", 3, "unknown event 'bogus'"),
    ("zone_t50,2:75,z1,,", 2, "bad time '2:75'"),
    ("zone_t50,abc,z1,,", 2, "bad time 'abc'"),
    ("zone_t50,@25:00,z1,,", 2, "bad time '@25:00'"),
    ("zone_t50,,z1,,", 2, "zone_t50 needs a time"),
    ("zone_t50,60,z1,5,", 2, "leave the value column empty"),
    ("shelter_peak,,shelter-1,many,", 2, "needs a number in the value column"),
    ("grid_acknowledged,60,,,", 2, "needs a grid id"),
    ("all_confirmed,60,z1,,", 2, "leave the zone column empty"),
    ("zone_t50,60,z 1,,", 2, "is not a map id"),
    ("zone_t50,60,z1,,\nzone_t50,70,z1,,", 3, "already observed on line 2"),
    ("zone_t50,60,z1", 2, "expected 5 fields"),
    ("zone_t50,\"60,z1,,", 2, "unbalanced quotes"),
    ("zone_t50,-60,z1,,", 2, "before its reference"),
    ("evacuation_order,5:00,,,", 2, "the order is T+0"),
    ("zone_t50,60,z1,,\nzone_t90,@02:30,z1,,", 3, "needs the order's clock time"),
  ])
  func badRowsNameTheFileAndLine(body: String, line: Int, message: String) throws {
    let error = try #require(Self.error(body))
    #expect(error.location == "drill.csv:\(line)")
    #expect(error.message.contains(message), "\(error.message)")
    #expect(error.isInvalidInput)
  }

  @Test func aMissingOrWrongHeaderIsRefused() throws {
    let wrong = try #require(Self.error("zone_t50,60,z1,\n", header: "event,when,zone,value\n"))
    #expect(wrong.location == "drill.csv:1")
    let empty = try #require(Self.error("", header: "# only a comment\n"))
    #expect(empty.message.contains("empty drill log"))
  }

  @Test func everyNamedEventRoundTripsItsName() {
    for kind in DrillEventKind.named {
      #expect(DrillEventKind(name: kind.name) == kind)
    }
    #expect(DrillEventKind(name: "metric:") == nil)
    #expect(DrillEventKind.firstReport.metricName(subject: "") == "reports.township.first_s")
    #expect(DrillEventKind.shelterOpened.metricName(subject: "s1") == nil)
    #expect(DrillEventKind.zoneClearance(percent: 90).metricName(subject: "") == "evacuation.t90_s")
    #expect(
      DrillEventKind.gridAcknowledged.metricName(subject: "g-z1") == "warning.g-z1.ack_s")
  }
}
