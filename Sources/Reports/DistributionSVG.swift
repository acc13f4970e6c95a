import Foundation

/// A box-and-whisker plot with every replication drawn as a dot: one
/// column per design point, for one metric of a sweep.
///
/// The box spans the lower and upper quartiles with the median across it,
/// the whiskers reach the smallest and largest value (with a handful of
/// replications there is nothing to call an outlier), and the dots show
/// each replication, so a plot of three runs does not pretend to more than
/// three values. Quantiles are `SampleQuantiles` (type 7). Plain SVG text
/// with no namespace URL, since it is inlined in an HTML document.
public struct DistributionSVG: Sendable {
  public var title: String
  public var unit: String
  /// One label per column (the point's parameters), shown on hover.
  public var labels: [String]
  /// `samples[p]`: the values of column p.
  public var samples: [[Double]]
  public var height = 260.0

  public init(title: String, unit: String, labels: [String], samples: [[Double]]) {
    self.title = title
    self.unit = unit
    self.labels = labels
    self.samples = samples
  }

  /// The plot as an `<svg>` element.
  public func svg() -> String {
    let left = 64.0
    let top = 28.0
    let bottom = 40.0
    let column = max(18.0, min(56.0, 900.0 / Double(max(samples.count, 1))))
    let columnsWidth = column * Double(max(samples.count, 1))
    let width = left + 16 + max(columnsWidth, 240)
    let plotH = height - top - bottom
    let values = samples.flatMap { $0 }.filter(\.isFinite)
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if high <= low {
      low -= 1
      high += 1
    }
    let ticks = SVGChart.ticks(low, high)
    low = min(low, ticks.first ?? low)
    high = max(high, ticks.last ?? high)
    func py(_ y: Double) -> Double { top + plotH - (y - low) / (high - low) * plotH }
    func f(_ v: Double) -> String { String(format1: v) }
    var out = "<svg class=\"chart distribution\" width=\"\(f(width))\" height=\"\(f(height))\" "
    out += "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\">"
    out += "<title>\(HTMLText.escape(title))</title>"
    out += "<text x=\"\(f(left))\" y=\"16\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
    for tick in ticks {
      out += "<line x1=\"\(f(left))\" x2=\"\(f(width - 16))\" y1=\"\(f(py(tick)))\" "
      out += "y2=\"\(f(py(tick)))\" stroke=\"#ddd\"/>"
      out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(tick) + 4))\" text-anchor=\"end\" "
      out += "font-size=\"11\">\(Self.tickText(tick))</text>"
    }
    for (p, columnValues) in samples.enumerated() {
      let q = SampleQuantiles(columnValues)
      let cx = left + (width - left - 16 - columnsWidth) / 2 + column * (Double(p) + 0.5)
      let label = p < labels.count ? labels[p] : "point \(p)"
      out += "<g class=\"point\"><title>\(HTMLText.escape(label)): n = \(q.count)</title>"
      if let q1 = q.quantile(0.25), let q3 = q.quantile(0.75), let median = q.median,
        let minimum = q.minimum, let maximum = q.maximum
      {
        let half = column * 0.3
        out += "<line x1=\"\(f(cx))\" x2=\"\(f(cx))\" y1=\"\(f(py(maximum)))\" "
        out += "y2=\"\(f(py(minimum)))\" stroke=\"#555\"/>"
        out += "<rect x=\"\(f(cx - half))\" y=\"\(f(py(q3)))\" width=\"\(f(2 * half))\" "
        out += "height=\"\(f(max(0.5, py(q1) - py(q3))))\" fill=\"#c6dbef\" stroke=\"#1f77b4\"/>"
        out += "<line x1=\"\(f(cx - half))\" x2=\"\(f(cx + half))\" y1=\"\(f(py(median)))\" "
        out += "y2=\"\(f(py(median)))\" stroke=\"#08306b\" stroke-width=\"2\"/>"
        for (i, value) in q.sorted.enumerated() {
          let dx = Double(i % 5 - 2) * column * 0.06
          out += "<circle cx=\"\(f(cx + dx))\" cy=\"\(f(py(value)))\" r=\"2\" fill=\"#d62728\" "
          out += "fill-opacity=\"0.7\"/>"
        }
      }
      out += "</g>"
      if samples.count <= 40 || p % 5 == 0 {
        out += "<text x=\"\(f(cx))\" y=\"\(f(top + plotH + 14))\" text-anchor=\"middle\" "
        out += "font-size=\"10\">\(p)</text>"
      }
    }
    out += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\" "
    out += "stroke=\"#555\"/>"
    out += "<text x=\"\(f(left + (width - left) / 2))\" y=\"\(f(height - 6))\" "
    out += "text-anchor=\"middle\" font-size=\"11\">design point</text>"
    out += "<text x=\"12\" y=\"\(f(top + plotH / 2))\" font-size=\"11\" text-anchor=\"middle\" "
    out += "transform=\"rotate(-90 12 \(f(top + plotH / 2)))\">\(HTMLText.escape(unit))</text>"
    return out + "</svg>"
  }

  /// A tick value: whole numbers in full (a large value with a small
  /// spread keeps its digits), others with six significant digits.
  static func tickText(_ v: Double) -> String {
    abs(v) < 1e12 && v == v.rounded() ? String(Int64(v)) : String(format: "%.6g", v)
  }
}
