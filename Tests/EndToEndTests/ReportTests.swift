import Foundation
import Testing

/// report.html: written by `drillsim run`, its numbers are summary.json's.
@Suite struct ReportTests {
  /// (name, value text) of each row of the metric table.
  static func metricRows(_ html: String) -> [(String, String)] {
    html.components(separatedBy: "<td class=\"metric-name\">").dropFirst().map { row in
      let name = row.components(separatedBy: "</td>")[0]
      let value = row.components(separatedBy: "<td class=\"metric-value\">").dropFirst().first?
        .components(separatedBy: "</td>")[0]
      return (name, value ?? "")
    }
  }

  @Test func theMetricTableEqualsTheSummary() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    let html = try String(contentsOf: run.file("report.html"), encoding: .utf8)
    let summary = try String(contentsOf: run.file("summary.json"), encoding: .utf8)
    // summary.json's metrics line, read as text: a flat object of numbers,
    // compared digit for digit (Foundation's JSON reader rounds some).
    let line = try #require(summary.split(separator: "\n").first { $0.contains("\"metrics\": {") })
    let body = line.drop { $0 != "{" }.dropFirst().prefix { $0 != "}" }
    let metrics = body.split(separator: ",").map { pair in
      let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
      return (parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\"")), parts[1])
    }
    let rows = Self.metricRows(html)
    #expect(rows.count == metrics.count)
    #expect(metrics.count > 10)
    for (row, metric) in zip(rows, metrics) {
      #expect(row.0 == metric.0)
      #expect(row.1 == metric.1, "\(row.0)")
      #expect(Double(row.1) != nil)
    }
    #expect(html.contains("<td>altenplos-sheltered-45min</td>"))
  }

  @Test func plotsAndMapsArePresent() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    let html = try String(contentsOf: run.file("report.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 >= 2)
    // T+15, 30, 60 and 120 min all fall in the 4-hour run.
    #expect(html.components(separatedBy: "<svg class=\"map\"").count - 1 == 4)
    #expect(!html.contains("http://") || !html.contains("<script src"))
    let again = try CommandLine.run(["report", run.folder.path, "--out", run.file("r2.html").path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: run.file("r2.html")) == Data(contentsOf: run.file("report.html")))
  }

  @Test func namesFromTheScenarioAreEscaped() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try CommandLine.scenario(
      """
      scenario { name = "x<b>&", duration = 120 }
      sim.objective { name = "<script>alert(1)</script>", target = "\\"q\\" & <i>", check = function() return true end }
      sim.at(10, function() sim.emit("note", { text = "</script><b>" }) end)
      """, in: folder)
    let out = folder.appendingPathComponent("run")
    let result = try CommandLine.run(["run", path, "--out", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!report.contains("<script>alert"))
    #expect(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(try CommandLine.run(["view", out.path]).status == 0)
    let replay = try String(contentsOf: out.appendingPathComponent("replay.html"), encoding: .utf8)
    #expect(replay.components(separatedBy: "</script>").count - 1 == 2)  // data block, viewer
    #expect(replay.contains("<title>x&lt;b&gt;&amp; replay"))
  }
}
