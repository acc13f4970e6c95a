import Foundation

/// The sweep report, `report.html` in a sweep folder: what was swept, per
/// point statistics, distributions, the clearance matrix, paired
/// differences, sensitivities and failed runs, in one self-contained file.
///
/// Researchers read the statistics and planners the matrix, and both open
/// it offline, so it holds no script, no link and no font to fetch: plain
/// HTML with inline SVG. Displayed numbers are rounded to four significant
/// digits; every table cell carries the exact value in `data-v` (shortest
/// round-trip form) so a program can check the report against the store.
/// Everything is emitted in point, metric and zone order, so the same
/// results give the same bytes.
public struct SweepReportDocument: Sendable {
  public let results: SweepResults

  public init(results: SweepResults) { self.results = results }

  /// The whole document.
  public func html() -> String {
    let r = results
    var out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    out += "<title>\(HTMLText.escape(r.scenario)) sweep report 参数扫描报告</title>"
    out += "<style>\(Self.style)</style></head><body>"
    out += "<h1>\(HTMLText.escape(r.scenario)) <small>sweep report 参数扫描报告</small></h1>"
    out += headline()
    out += pointTable()
    out += statistics()
    out += distributions()
    out += matrix()
    out += differences()
    out += sensitivities()
    out += failures()
    return out + "</body></html>\n"
  }

  func headline() -> String {
    let r = results
    var rows: [(String, String)] = [
      ("scenario", "\(r.scenario) (digest \(r.scenarioDigest))"),
      ("design", "\(r.design): \(r.points.count) points x \(r.replications) replications"),
    ]
    for factor in r.factors { rows.append(("varies \(factor.name)", factor.levels)) }
    for pin in r.pins { rows.append(("pins \(pin.name)", pin.value)) }
    rows.append(
      ("runs", "\(r.stored) stored, \(r.failed) failed, \(r.missing) missing of \(r.planned)"))
    rows.append(("seed", r.seed))
    rows.append(("baseline", "point \(r.baseline)"))
    var out = "<section id=\"headline\"><h2>Sweep 扫描</h2><dl>"
    for (key, value) in rows {
      out += "<dt>\(HTMLText.escape(key))</dt><dd>\(HTMLText.escape(value))</dd>"
    }
    return out + "</dl></section>"
  }

  func pointTable() -> String {
    let r = results
    var out = "<section id=\"points\"><h2>Design points 设计点</h2><table><tr><th>point</th>"
    for factor in r.factors { out += "<th>\(HTMLText.escape(factor.name))</th>" }
    out += "</tr>"
    for point in r.points {
      out += "<tr><td>\(point.index)</td>"
      for setting in point.settings { out += "<td>\(HTMLText.escape(setting.value))</td>" }
      out += "</tr>"
    }
    return out + "</table></section>"
  }

  func statistics() -> String {
    var out = "<section id=\"statistics\"><h2>Per point statistics 各点统计</h2>"
    out += "<p>Mean, sample standard deviation and Student-t 95 % confidence interval of "
    out += "the mean over each point's completed replications.</p>"
    if results.statistics.isEmpty { out += "<p>No completed run reported a metric.</p>" }
    for metric in results.statistics {
      out += "<h3>\(HTMLText.escape(metric.metric))</h3>"
      out += "<table class=\"numbers\" data-metric=\"\(HTMLText.escape(metric.metric))\">"
      out += "<tr><th>point</th><th>parameters</th><th>n</th><th>mean</th><th>sd</th>"
      out += "<th>95 % CI</th></tr>"
      for point in results.points {
        let s = point.index < metric.points.count ? metric.points[point.index] : nil
        out += "<tr data-point=\"\(point.index)\"><td>\(point.index)</td>"
        out += "<td>\(HTMLText.escape(point.label))</td><td>\(s?.count ?? 0)</td>"
        out += Self.cell("mean", s.flatMap { $0.count > 0 ? $0.mean : nil })
        out += Self.cell("sd", s?.sd)
        out += Self.interval(s)
        out += "</tr>"
      }
      out += "</table>"
    }
    return out + "</section>"
  }

  func differences() -> String {
    let r = results
    var out = "<section id=\"differences\"><h2>Paired differences 配对差</h2>"
    out += "<p>Each point minus point \(r.baseline), replication by replication (every point's "
    out += "replication r runs with the same seed, so the noise cancels), over the "
    out += "replications both completed: mean difference and Student-t 95 % interval.</p>"
    for metric in r.statistics {
      out += "<h3>\(HTMLText.escape(metric.metric))</h3>"
      out += "<table class=\"numbers\" data-metric=\"\(HTMLText.escape(metric.metric))\">"
      out += "<tr><th>point</th><th>parameters</th><th>pairs</th><th>mean difference</th>"
      out += "<th>95 % CI</th></tr>"
      for point in r.points {
        let d = point.index < metric.differences.count ? metric.differences[point.index] : nil
        out += "<tr data-point=\"\(point.index)\"><td>\(point.index)</td>"
        out += "<td>\(HTMLText.escape(point.label))</td>"
        if point.index == r.baseline {
          out += "<td colspan=\"3\">baseline 基准</td></tr>"
          continue
        }
        out += "<td>\(d?.count ?? 0)</td>"
        out += Self.cell("diff", d.flatMap { $0.count > 0 ? $0.mean : nil }, signed: true)
        out += Self.interval(d) + "</tr>"
      }
      out += "</table>"
    }
    return out + "</section>"
  }

  func failures() -> String {
    var out = "<section id=\"failures\"><h2>Failed runs 失败运行</h2>"
    guard !results.failures.isEmpty else { return out + "<p>None.</p></section>" }
    out += "<table><tr><th>point</th><th>replication</th><th>status</th><th>error</th>"
    out += "<th>replay</th></tr>"
    for run in results.failures {
      let first = run.error.split(separator: "\n").first.map(String.init) ?? ""
      out += "<tr class=\"fail\"><td>\(run.point)</td><td>\(run.replication)</td>"
      out += "<td>\(HTMLText.escape(run.status))</td><td><details><summary>"
      out += "\(HTMLText.escape(first))</summary><pre>\(HTMLText.escape(run.error))</pre>"
      out += "</details></td><td><code>\(HTMLText.escape(run.replay))</code></td></tr>"
    }
    return out + "</table></section>"
  }

  /// A number cell: rounded for reading, exact in `data-v`.
  static func cell(_ kind: String, _ value: Double?, signed: Bool = false) -> String {
    guard let value, value.isFinite else { return "<td class=\"\(kind)\">–</td>" }
    return "<td class=\"\(kind)\" data-v=\"\(HTMLText.number(value))\">"
      + number(value, signed: signed) + "</td>"
  }

  /// A confidence interval cell, "[low, high]", exact ends in `data-low`/`data-high`.
  static func interval(_ s: SweepResults.Summary?) -> String {
    guard let low = s?.low, let high = s?.high, low.isFinite, high.isFinite else {
      return "<td class=\"ci\">–</td>"
    }
    return "<td class=\"ci\" data-low=\"\(HTMLText.number(low))\" "
      + "data-high=\"\(HTMLText.number(high))\">[\(number(low)), \(number(high))]</td>"
  }

  /// Four significant digits, as the text report prints them.
  static func number(_ value: Double, signed: Bool = false) -> String {
    String(format: signed ? "%+.4g" : "%.4g", value)
  }

  static let style = """
    body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#222;max-width:1400px}
    table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;\
    font-size:13px;text-align:left}tr.fail td{background:#fdecea}
    table.numbers td.mean,table.numbers td.sd,table.numbers td.diff,table.numbers td.ci{\
    font-family:monospace;text-align:right}
    dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{font-weight:600}dd{margin:0}
    figure{display:inline-block;margin:8px;vertical-align:top}.chart-title{font-size:13px;font-weight:600}
    table.matrix td{font-family:monospace;text-align:center;white-space:nowrap}
    table.matrix td.light{color:#fff}table.matrix th.variant{text-align:left;font-weight:400}
    pre{white-space:pre-wrap;margin:4px 0}code{font-size:12px}
    """
}
