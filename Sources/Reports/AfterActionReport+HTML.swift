/// The after-action report as one self-contained HTML file: no script, no
/// network, the percentile chart as inline SVG, so it opens from a USB
/// stick at the hotwash.
extension AfterActionReport {
  /// The whole document.
  public func html() -> String {
    var out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    out += "<title>\(HTMLText.escape(title))</title><style>\(ReportDocument.style)\(Self.style)"
    out += "</style></head><body><h1>\(HTMLText.escape(title))</h1>"
    out += "<p><em>Draft after-action report and improvement plan (AAR/IP) 演练评估报告（草稿）</em></p>"
    out += "<section id=\"overview\"><h2>Exercise overview 演练概况</h2><dl>"
    for item in overview {
      out += "<dt>\(HTMLText.escape(item.label))</dt><dd>\(HTMLText.escape(item.text))</dd>"
    }
    out += "</dl></section>"
    out += observationTable()
    out += percentileChart()
    out += Self.findings(
      "strengths", "Strengths 优点", strengths,
      none: "No observation was much better than the plan predicts.")
    out += Self.findings(
      "improvements", "Areas for improvement 待改进", improvements,
      none: "No observation was much worse than the plan predicts.")
    out += scorecard()
    out += "<section id=\"plan\"><h2>Improvement plan 改进计划</h2>"
    out += Self.table(
      id: "improvement-plan", Self.planColumns,
      improvements.map { [$0.title] + Self.planColumns.dropFirst().map { _ in "" } })
    out += "</section><section id=\"method\"><h2>Method 方法</h2><ul>"
    for line in method { out += "<li>\(HTMLText.escape(line))</li>" }
    return out + "</ul></section></body></html>\n"
  }

  func observationTable() -> String {
    var out = "<section><h2>Observations against the plan 观测与预案对比</h2>"
    out += "<table id=\"observations\"><tr>"
    for column in Self.observationColumns { out += "<th>\(HTMLText.escape(column))</th>" }
    out += "</tr>"
    for o in observations {
      let css = o.assessment.isEmpty ? (o.percentile == nil ? "unmatched" : "") : o.assessment
      out += "<tr class=\"\(HTMLText.escape(css))\">"
      let cells = [
        String(o.line), o.event, o.subject, o.observed, o.simulated, String(o.replications),
        Self.percentileText(o.percentile), o.verdict,
      ]
      for cell in cells { out += "<td>\(HTMLText.escape(cell))</td>" }
      out += "</tr>"
    }
    return out + "</table></section>"
  }

  /// Each placed observation's percentile as a bar.
  func percentileChart() -> String {
    let placed = observations.filter { $0.percentile != nil }
    guard !placed.isEmpty else { return "" }
    let chart = SVGChart(
      kind: .bar,
      title: "percentile of each observation in the simulated distribution, by log line",
      xLabel: "", yLabel: "percentile",
      series: [
        SVGChart.Series(
          name: "percentile",
          points: placed.enumerated().map { (Double($0.offset), $0.element.percentile ?? 0) })
      ],
      // Log lines, as in the table: event and zone names are too long for a bar.
      labels: placed.map { "line \($0.line)" })
    return "<section id=\"chart\"><figure>\(chart.svg())</figure></section>"
  }

  func scorecard() -> String {
    var out = "<section><h2>Objectives scorecard 目标评分</h2>"
    out += "<p>Ratings: P performed without challenges, S with some challenges, "
    out += "M with major challenges, U unable to be performed.</p>"
    out += Self.table(
      id: "objectives", Self.objectiveColumns,
      objectives.map { [$0.name, $0.target, $0.ratingText, "\($0.passed)/\($0.runs)", $0.value] })
    return out + "</section>"
  }

  static func findings(_ id: String, _ heading: String, _ list: [Finding], none: String)
    -> String
  {
    var out = "<section id=\"\(id)\"><h2>\(HTMLText.escape(heading))</h2>"
    if list.isEmpty { return out + "<p>\(HTMLText.escape(none))</p></section>" }
    for finding in list {
      out += "<h3>\(HTMLText.escape(finding.title))</h3><ul>"
      for line in finding.evidence { out += "<li>\(HTMLText.escape(line))</li>" }
      out += "</ul>"
    }
    return out + "</section>"
  }

  static func table(id: String, _ columns: [String], _ rows: [[String]]) -> String {
    var out = "<table id=\"\(id)\"><tr>"
    for column in columns { out += "<th>\(HTMLText.escape(column))</th>" }
    out += "</tr>"
    for row in rows {
      out += "<tr>"
      for cell in row { out += "<td>\(HTMLText.escape(cell))</td>" }
      out += "</tr>"
    }
    return out + "</table>"
  }

  static let style = """
    tr.strength td{background:#eafaf1}tr.improvement td{background:#fdecea}\
    tr.plan_review td{background:#fff6e0}tr.unmatched td{color:#777}\
    #improvement-plan td{min-width:90px;height:1.4em}
    """
}
