import Foundation

/// The figures of the sweep report: distributions, the clearance matrix
/// and the tornado charts.
extension SweepReportDocument {
  func distributions() -> String {
    let r = results
    var out = "<section id=\"distributions\"><h2>Distributions 分布</h2>"
    out += "<p>One column per design point: the box spans the quartiles with the median "
    out += "across it, whiskers reach the smallest and largest replication, dots are the "
    out += "replications. Hover a column for its parameters.</p>"
    let labels = r.points.map { "point \($0.index): \($0.label)" }
    for metric in r.statistics {
      guard let samples = r.samples(metric.metric) else { continue }
      let chart = DistributionSVG(
        title: metric.metric, unit: metric.metric, labels: labels, samples: samples.values)
      out += "<figure data-metric=\"\(HTMLText.escape(metric.metric))\">\(chart.svg())</figure>"
    }
    return out + "</section>"
  }

  func matrix() -> String {
    let r = results
    let m = ClearanceMatrix(r)
    var out = "<section id=\"matrix\"><h2>Clearance matrix 疏散时间矩阵</h2>"
    guard !m.zones.isEmpty else {
      return out + "<p>No run reported per-zone clearance times (evacuation.ZONE.t90_s, "
        + "evacuation.ZONE.t100_s).</p></section>"
    }
    out += "<p>Rows: scenario variants (design points); columns: zones. Each cell: median / "
    out += "P90 over the replications, in minutes from the first evacuation order, of the "
    out += "time by which 90 % (T90) and 100 % (T100) of the zone's ordered residents were "
    out += "safe. Quantiles interpolate between order statistics (Hyndman and Fan type 7, as "
    out += "R and NumPy). Colour: the P90, on one scale for the whole matrix. A small n "
    out += "marks a cell where fewer replications reached that share; – one where none did.</p>"
    let scale = ColourScale(covering: m.allP90)
    if let scale { out += legend(scale) }
    out += "<table class=\"matrix\"><tr><th rowspan=\"2\">variant</th>"
    for zone in m.zones {
      out += "<th colspan=\"2\" data-zone=\"\(HTMLText.escape(zone))\">"
      if let name = r.zoneName(zone) {
        out += "\(HTMLText.escape(name))<br><small>\(HTMLText.escape(zone))</small></th>"
      } else {
        out += "\(HTMLText.escape(zone))</th>"
      }
    }
    out += "</tr><tr>" + String(repeating: "<th>T90</th><th>T100</th>", count: m.zones.count)
    out += "</tr>"
    for (p, row) in m.cells.enumerated() {
      let point = r.points[p]
      out += "<tr data-point=\"\(p)\"><th class=\"variant\">\(p): "
      out += "\(HTMLText.escape(point.label))</th>"
      for (z, cell) in row.enumerated() {
        out += matrixCell(cell.t90, point: p, zone: m.zones[z], time: "t90", scale: scale)
        out += matrixCell(cell.t100, point: p, zone: m.zones[z], time: "t100", scale: scale)
      }
      out += "</tr>"
    }
    return out + "</table></section>"
  }

  func matrixCell(
    _ q: ClearanceMatrix.Quantiles, point: Int, zone: String, time: String, scale: ColourScale?
  ) -> String {
    var out = "<td data-point=\"\(point)\" data-zone=\"\(HTMLText.escape(zone))\" "
    out += "data-time=\"\(time)\" data-n=\"\(q.count)\""
    guard let median = q.median, let p90 = q.p90 else { return out + ">–</td>" }
    out += " data-median=\"\(HTMLText.number(median))\" data-p90=\"\(HTMLText.number(p90))\""
    if let scale {
      if scale.needsLightText(p90) { out += " class=\"light\"" }
      out += " style=\"background:\(scale.colour(p90))\""
    }
    out += ">" + String(format: "%.1f / %.1f", median, p90)
    if q.count < results.replications { out += "<sub>n=\(q.count)</sub>" }
    return out + "</td>"
  }

  /// The colour scale as a strip of ten swatches from its low to its high end.
  func legend(_ scale: ColourScale) -> String {
    func f(_ v: Double) -> String { String(format1: v) }
    var out = "<svg class=\"legend\" width=\"360\" height=\"34\" viewBox=\"0 0 360 34\" "
    out += "role=\"img\"><title>P90 colour scale, minutes</title>"
    for i in 0..<10 {
      let value = scale.low + (scale.high - scale.low) * (Double(i) + 0.5) / 10
      out += "<rect x=\"\(f(60 + 24 * Double(i)))\" y=\"2\" width=\"24\" height=\"14\" "
      out += "fill=\"\(scale.colour(value))\"/>"
    }
    out += "<text x=\"56\" y=\"13\" text-anchor=\"end\" font-size=\"11\">"
    out += String(format: "%.1f", scale.low) + "</text>"
    out += "<text x=\"304\" y=\"13\" font-size=\"11\">" + String(format: "%.1f", scale.high)
    out += " min</text><text x=\"60\" y=\"30\" font-size=\"10\">P90 colour scale</text></svg>"
    return out
  }

  func sensitivities() -> String {
    var out = "<section id=\"sensitivity\"><h2>Sensitivity 敏感性</h2>"
    out += "<p>Standardised regression coefficients (SRC) of each metric on the varied "
    out += "parameters, one observation per completed run: a change of one standard "
    out += "deviation in a parameter moves the metric by SRC of its standard deviations. "
    out += "R² is the share of the metric's variance the linear fit explains; with R² "
    out += "near 1 the squared SRCs add up to it.</p>"
    for metric in results.statistics {
      switch metric.sensitivity {
      case .fitted(let coefficients, let rSquared, let runs):
        let title = metric.metric + String(format: " (R² = %.3f, %d runs)", rSquared, runs)
        let chart = TornadoSVG(title: title, coefficients: coefficients)
        out += "<figure data-metric=\"\(HTMLText.escape(metric.metric))\" "
        out += "data-r2=\"\(HTMLText.number(rSquared))\">\(chart.svg())</figure>"
      case .notShown(let reason):
        out += "<p class=\"no-sensitivity\" data-metric=\"\(HTMLText.escape(metric.metric))\">"
        out += "\(HTMLText.escape(metric.metric)): not shown: \(HTMLText.escape(reason))</p>"
      }
    }
    return out + "</section>"
  }
}
