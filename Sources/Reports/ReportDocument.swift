import Recording

/// report.html: headline numbers, objectives, every metric, charts of every
/// time series, and maps at chosen times, in one self-contained file.
///
/// Every number in the metric table is printed exactly as summary.json
/// holds it, so the report can be checked against the summary by eye or by
/// a program.
public struct ReportDocument {
  public let archive: RunArchive
  /// Times (sim seconds) of the maps: T+15, 30, 60 and 120 minutes.
  public var mapTimes: [Double] = [900, 1800, 3600, 7200]

  public init(archive: RunArchive) { self.archive = archive }

  /// The whole document.
  public func html() throws(RecordingError) -> String {
    let summary = archive.summary
    let frames = try archive.frames()
    let scenario = summary["scenario"]?.stringValue ?? "run"
    let clock = ScenarioClock(start: frames?.header.start)
    var out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    out += "<title>\(HTMLText.escape(scenario)) report 报告</title><style>\(Self.style)</style>"
    out += "</head><body><h1>\(HTMLText.escape(scenario)) <small>report 报告</small></h1>"
    out += headline(summary, frames: frames)
    out += objectives(summary)
    out += try injects(summary, clock: clock)
    out += metricTable()
    out += parameters(summary)
    out += try charts(frames: frames, clock: clock)
    out += try maps(frames: frames, clock: clock)
    return out + "</body></html>\n"
  }

  func headline(_ summary: Value, frames: FrameReader?) -> String {
    var rows: [(String, String)] = []
    for key in ["status", "seed", "sim_end_s", "events", "stop_reason"] {
      if let v = summary[key] { rows.append((key, v.stringValue ?? JSONText.encode(v))) }
    }
    if let start = frames?.header.start { rows.append(("start", start)) }
    let objectives = summary["objectives"]?.arrayValue ?? []
    let passed = objectives.filter { $0["pass"] == .bool(true) }.count
    rows.append(("objectives_met", "\(passed) / \(objectives.count)"))
    for name in ["evacuation.safe", "evacuation.t50_s", "evacuation.t90_s", "evacuation.t100_s"] {
      if let v = summary["metrics"]?[name] { rows.append((name, JSONText.encode(v))) }
    }
    var out = "<section id=\"headline\"><h2>Headline 概要</h2><dl>"
    for (key, value) in rows {
      out += "<dt>\(HTMLText.escape(key))</dt><dd id=\"headline-\(HTMLText.escape(key))\">"
      out += "\(HTMLText.escape(value))</dd>"
    }
    if let error = summary["error"]?.stringValue {
      out += "<dt>error</dt><dd><pre>\(HTMLText.escape(error))</pre></dd>"
    }
    return out + "</dl></section>"
  }

  func objectives(_ summary: Value) -> String {
    var out = "<section><h2>Objectives 目标</h2><table id=\"objectives\"><tr><th>name</th>"
    out += "<th>target</th><th>value</th><th>rating</th><th>pass</th></tr>"
    for o in summary["objectives"]?.arrayValue ?? [] {
      let pass = o["pass"] == .bool(true)
      out += "<tr class=\"\(pass ? "pass" : "fail")\">"
      out += "<td>\(HTMLText.escape(o["name"]?.stringValue ?? ""))</td>"
      out += "<td>\(HTMLText.escape(o["target"]?.stringValue ?? ""))</td>"
      out += "<td>\(HTMLText.escape(o["value"].map(JSONText.encode) ?? ""))</td>"
      out += "<td>\(HTMLText.escape(o["rating"]?.stringValue ?? ""))</td>"
      out += "<td>\(pass ? "✔" : "✘")</td></tr>"
    }
    return out + "</table></section>"
  }

  func metricTable() -> String {
    var out = "<section><h2>Metrics 指标</h2><table id=\"metrics\">"
    out += "<tr><th>metric</th><th>value</th></tr>"
    for (name, value) in archive.metrics {
      out += "<tr><td class=\"metric-name\">\(HTMLText.escape(name))</td>"
      out += "<td class=\"metric-value\">\(HTMLText.escape(JSONText.encode(value)))</td></tr>"
    }
    return out + "</table></section>"
  }

  func parameters(_ summary: Value) -> String {
    guard case .object(let params)? = summary["params"], !params.isEmpty else { return "" }
    var out = "<section><h2>Parameters 参数</h2><table id=\"params\">"
    for (name, value) in params {
      out += "<tr><td>\(HTMLText.escape(name))</td>"
      out += "<td>\(HTMLText.escape(value.stringValue ?? JSONText.encode(value)))</td></tr>"
    }
    return out + "</table></section>"
  }

  func charts(frames: FrameReader?, clock: ScenarioClock) throws(RecordingError) -> String {
    var charts: [SVGChart] = []
    // Every series in metrics.csv, in first-report order.
    var order: [String] = []
    var points: [String: [(x: Double, y: Double)]] = [:]
    for point in try archive.metricPoints() {
      if points[point.name] == nil { order.append(point.name) }
      points[point.name, default: []].append((point.time / 60, point.value))
    }
    for name in order where (points[name]?.count ?? 0) > 1 {
      charts.append(
        SVGChart(
          kind: .line, title: name, xLabel: "minutes", yLabel: name,
          series: [SVGChart.Series(name: name, points: points[name] ?? [])]))
    }
    // Counts from the frames, as step charts.
    if let frames {
      let all = try frames.allFrames()
      let summaries = all.map { FrameSummary(frame: $0, at: $0.time, clock: clock) }
      var keys: [String] = []
      for s in summaries { for c in s.counts where !keys.contains(c.key) { keys.append(c.key) } }
      let stateKeys = keys.filter { $0.hasPrefix("state.") }
      if !stateKeys.isEmpty {
        charts.append(
          SVGChart(
            kind: .step, title: "persons by state 各状态人数", xLabel: "minutes", yLabel: "persons",
            series: stateKeys.map { key in
              SVGChart.Series(
                name: String(key.dropFirst(6)),
                points: summaries.map { s in
                  (s.time.seconds / 60, Double(s.counts.first { $0.key == key }?.value ?? 0))
                })
            }))
      }
      for key in keys where !key.hasPrefix("state.") {
        let series = summaries.map { s in
          (x: s.time.seconds / 60, y: Double(s.counts.first { $0.key == key }?.value ?? 0))
        }
        charts.append(
          SVGChart(
            kind: .step, title: key, xLabel: "minutes", yLabel: key,
            series: [SVGChart.Series(name: key, points: series)]))
      }
    }
    // Per-zone families: "<a>.<id>.<b>" with three or more ids, as bars.
    var families: [String] = []
    var members: [String: [(String, Double)]] = [:]
    for (name, value) in archive.metrics {
      let parts = name.split(separator: ".")
      guard parts.count == 3, let v = value.doubleValue else { continue }
      let family = "\(parts[0]).*.\(parts[2])"
      if members[family] == nil { families.append(family) }
      members[family, default: []].append((String(parts[1]), v))
    }
    for family in families {
      guard let list = members[family], list.count >= 3 else { continue }
      charts.append(
        SVGChart(
          kind: .bar, title: family, xLabel: "", yLabel: family,
          series: [
            SVGChart.Series(
              name: family, points: list.enumerated().map { (Double($0.offset), $0.element.1) })
          ], labels: list.map(\.0)))
    }
    var out = "<section id=\"charts\"><h2>Charts 图表</h2>"
    if charts.isEmpty { out += "<p>No time series in this run.</p>" }
    for chart in charts { out += "<figure>\(chart.svg())</figure>" }
    return out + "</section>"
  }

  func maps(frames: FrameReader?, clock: ScenarioClock) throws(RecordingError) -> String {
    guard let frames, let map = frames.header.map else { return "" }
    var out = "<section id=\"maps\"><h2>Maps 地图</h2><div class=\"maps\">"
    var svg = MapSVG(map: map)
    if let last = frames.entries.indices.last {
      let frame = try frames.frame(index: last)
      svg.grids = [frame.flood?.geometry, frame.fire?.geometry].compactMap { $0 }
    }
    let end = frames.entries.last?.time ?? .zero
    for seconds in mapTimes {
      guard let time = SimTime(seconds: seconds), time <= end else { continue }
      let frame = try frames.frame(at: time)
      let title = "T+\(Int(seconds / 60)) min (\(clock.text(at: time)))"
      out += "<figure>\(svg.svg(frame: frame, title: title))"
      out += "<figcaption>\(HTMLText.escape(title))</figcaption></figure>"
    }
    return out + "</div></section>"
  }

  static let style = """
    body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#222;max-width:1400px}
    table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;\
    font-size:13px;text-align:left}tr.fail td{background:#fdecea}tr.pass td{background:#eafaf1}
    dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{font-weight:600}dd{margin:0}
    figure{display:inline-block;margin:8px;vertical-align:top}.maps svg{border:1px solid #ccc}
    .chart-title{font-size:13px;font-weight:600}td.metric-value{font-family:monospace}
    """
}
