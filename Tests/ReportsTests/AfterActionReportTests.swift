import Foundation
import Reports
import Testing

/// The draft after-action report prints what it is given, in Markdown and
/// in self-contained HTML, with user text escaped.
@Suite struct AfterActionReportTests {
  static let report = AfterActionReport(
    title: "Drill <2026>",
    overview: [("Drill log", "drill.csv"), ("Scenario", "default")],
    observations: [
      .init(
        line: 5, event: "grid_acknowledged", subject: "g-1", observed: "00:25:00",
        simulated: "00:03:00 (00:01:00 to 00:16:00)", replications: 5, percentile: 100,
        verdict: "much slower than planned", assessment: "improvement"),
      .init(
        line: 6, event: "first_report", subject: "", observed: "00:25:00", simulated: "",
        replications: 0, percentile: nil, verdict: "no simulated counterpart: not timed",
        assessment: ""),
    ],
    strengths: [],
    improvements: [
      .init(
        title: "grid_acknowledged g-1 | late", evidence: ["drill log line 5", "escalated <door>"])
    ],
    objectives: [
      .init(
        name: "t90", target: "90 % within 60 min",
        ratings: [("P", 3), ("S", 0), ("M", 0), ("U", 2)],
        runs: 5, passed: 3, value: "3400")
    ],
    method: ["mid-rank percentiles"])

  @Test func markdownHasEverySectionAndEscapesTableCells() {
    let text = Self.report.markdown()
    for heading in [
      "## Exercise overview", "## Observations against the plan", "## Strengths",
      "## Areas for improvement", "## Objectives scorecard", "## Improvement plan", "## Method",
    ] {
      #expect(text.contains(heading), "\(heading)")
    }
    #expect(text.contains("| 5 | grid_acknowledged | g-1 | 00:25:00 |"))
    #expect(text.contains("No observation was much better than the plan predicts."))
    #expect(text.contains("| grid_acknowledged g-1 \\| late |  |  |  |  |  |"))
    #expect(text.contains("| t90 | 90 % within 60 min | P 3/5, U 2/5 | 3/5 | 3400 |"))
  }

  @Test func htmlIsSelfContainedAndEscaped() {
    let html = Self.report.html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("Drill &lt;2026&gt;"))
    #expect(!html.contains("<2026>"))
    #expect(html.contains("escalated &lt;door&gt;"))
    #expect(html.contains("<tr class=\"improvement\">"))
    #expect(html.contains("<tr class=\"unmatched\">"))
    // No script and nothing fetched: the only URL is the SVG namespace.
    #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
    // One bar: only placed observations are charted.
    #expect(html.components(separatedBy: "<rect").count - 1 == 1)
  }

  @Test func aSingleRunsRatingIsTheRatingItself() {
    let one = AfterActionReport.Objective(
      name: "x", target: "", ratings: [("P", 0), ("S", 1), ("M", 0), ("U", 0)], runs: 1, passed: 1,
      value: "1")
    #expect(one.ratingText == "S")
  }
}
