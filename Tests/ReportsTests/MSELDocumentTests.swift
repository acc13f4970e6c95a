import Recording
import Reports
import Testing

/// The MSEL as CSV and Markdown: columns, order, times and quoting.
@Suite struct MSELDocumentTests {
  static let injects = [
    Inject(
      number: 3, time: nil, trigger: "shelter over 300 persons", delivery: "radio",
      from: "shelter lead", to: "command post", text: "Rathaus is filling up",
      expectedAction: "open the second shelter"),
    Inject(
      number: 1, time: SimTime(ms: 0), trigger: nil, delivery: "phone", from: "county hydrology",
      to: "duty office", text: "Gauge rising, \"red\" warning", objective: "first report"),
    Inject(
      number: 2, time: SimTime(ms: 5_430_000), trigger: nil, to: "grid leads",
      text: "line one\nline two | more"),
  ]

  @Test func csvHasTheHeaderRowAndOneRowPerInjectInNumberOrder() {
    let csv = MSELDocument(
      scenario: "drill", injects: Self.injects, start: "2026-07-21T09:00:00+02:00"
    ).csv()
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "number,time,delivery,sender,recipient,text,expected action,objective")
    #expect(
      lines[1]
        == "1,T+00:00 (09:00),phone,county hydrology,duty office,\"Gauge rising, \"\"red\"\" warning\",,first report"
    )
    // A line break inside a field stays inside its quotes (RFC 4180).
    #expect(csv.contains("2,T+01:30:30 (10:30:30),,,grid leads,\"line one\nline two | more\",,\n"))
    #expect(
      csv.hasSuffix(
        "3,when: shelter over 300 persons,radio,shelter lead,command post,Rathaus is filling up,open the second shelter,\n"
      ))
  }

  @Test func withoutAStartTimesAreOffsetsOnly() {
    let rows = MSELDocument(scenario: "drill", injects: Self.injects, start: nil).rows
    #expect(rows.map { $0[1] } == ["T+00:00", "T+01:30:30", "when: shelter over 300 persons"])
  }

  @Test func markdownIsATableWithEscapedCells() {
    let md = MSELDocument(scenario: "drill", injects: Self.injects, start: nil).markdown()
    #expect(md.hasPrefix("# MSEL: drill\n"))
    #expect(
      md.contains(
        "| number | time | delivery | sender | recipient | text | expected action | objective |\n|---|---|---|---|---|---|---|---|\n"
      ))
    #expect(
      md.contains("| 2 | T+01:30:30 |  |  | grid leads | line one<br>line two \\| more |  |  |"))
    #expect(md.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 4)
  }
}
