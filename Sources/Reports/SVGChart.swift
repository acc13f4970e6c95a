/// A small chart drawn as inline SVG: lines, steps or bars.
///
/// Reports must open offline from a USB stick, so charts are plain SVG
/// text, no script. The same type draws every time series (metrics.csv,
/// counts from frames, clearance curves) and every per-zone bar chart, so
/// a new model's series is plotted without new chart code.
public struct SVGChart {
  /// How points are joined.
  public enum Kind: Sendable {
    /// Straight segments between points.
    case line
    /// The value holds until the next point (counts, levels).
    case step
    /// One bar per label.
    case bar
  }

  /// One named series of (x, y) points, x ascending.
  public struct Series {
    public var name: String
    public var points: [(x: Double, y: Double)]

    public init(name: String, points: [(x: Double, y: Double)]) {
      self.name = name
      self.points = points
    }
  }

  public var kind: Kind
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [Series]
  /// Bar labels (for `.bar`, one per point of the first series).
  public var labels: [String]
  public var width = 640.0
  public var height = 260.0

  public init(
    kind: Kind, title: String, xLabel: String, yLabel: String, series: [Series],
    labels: [String] = []
  ) {
    self.kind = kind
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.labels = labels
  }

  static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

  /// "Nice" tick values covering `low...high` (1, 2 or 5 times a power of 10).
  static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
    guard high > low, high.isFinite, low.isFinite else { return [low] }
    let raw = (high - low) / Double(count)
    let magnitude = pow10(raw)
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    var values: [Double] = []
    var v = (low / step).rounded(.down) * step
    while v <= high + step * 1e-9 {
      if v >= low - step * 1e-9 { values.append(v) }
      v += step
    }
    return values
  }

  static func pow10(_ x: Double) -> Double {
    var p = 1.0
    guard x > 0 else { return 1 }
    while p * 10 <= x { p *= 10 }
    while p > x { p /= 10 }
    return p
  }

  static func format(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e12 { return String(Int64(v)) }
    let text = String(v)
    return text.count > 8 ? String(text.prefix(8)) : text
  }

  /// The chart as an `<svg>` element.
  public func svg() -> String {
    let left = 64.0
    let right = 16.0
    let top = 28.0
    let bottom = 44.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let all = series.flatMap(\.points)
    let xs = all.map(\.x)
    let ys = all.map(\.y).filter(\.isFinite)
    var xLow = xs.min() ?? 0
    var xHigh = xs.max() ?? 1
    if kind == .bar {
      xLow = -0.5
      xHigh = Double(max(labels.count, series.first?.points.count ?? 1)) - 0.5
    }
    if xHigh <= xLow { xHigh = xLow + 1 }
    let yLow = min(0, ys.min() ?? 0)
    var yHigh = ys.max() ?? 1
    if yHigh <= yLow { yHigh = yLow + 1 }
    let yTicks = Self.ticks(yLow, yHigh)
    yHigh = max(yHigh, yTicks.last ?? yHigh)
    func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * plotW }
    func py(_ y: Double) -> Double { top + plotH - (y - yLow) / (yHigh - yLow) * plotH }
    func f(_ v: Double) -> String { String(format1: v) }
    var out =
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
    out += "<title>\(HTMLText.escape(title))</title>"
    out += "<text x=\"\(f(left))\" y=\"16\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
    for tick in yTicks {
      out += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(py(tick)))\" "
      out += "y2=\"\(f(py(tick)))\" stroke=\"#ddd\"/>"
      out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(tick) + 4))\" text-anchor=\"end\" "
      out += "font-size=\"11\">\(Self.format(tick))</text>"
    }
    if kind == .bar {
      let points = series.first?.points ?? []
      let barW = plotW / Double(max(points.count, 1)) * 0.7
      for (n, point) in points.enumerated() where point.y.isFinite {
        let x = px(Double(n)) - barW / 2
        let y0 = py(max(0, point.y))
        let h = abs(py(point.y) - py(0))
        out += "<rect x=\"\(f(x))\" y=\"\(f(y0))\" width=\"\(f(barW))\" height=\"\(f(h))\" "
        out += "fill=\"\(Self.colours[0])\"><title>"
        out += HTMLText.escape((n < labels.count ? labels[n] : "") + ": " + Self.format(point.y))
        out += "</title></rect>"
        if n < labels.count, points.count <= 24 {
          out += "<text x=\"\(f(px(Double(n))))\" y=\"\(f(top + plotH + 14))\" "
          out += "text-anchor=\"middle\" font-size=\"9\">"
          out += HTMLText.escape(String(labels[n].suffix(12))) + "</text>"
        }
      }
    } else {
      for tick in Self.ticks(xLow, xHigh) {
        out += "<text x=\"\(f(px(tick)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\" "
        out += "font-size=\"11\">\(Self.format(tick))</text>"
      }
      for (n, s) in series.enumerated() {
        let colour = Self.colours[n % Self.colours.count]
        var d = ""
        var previousY: Double?
        for point in s.points where point.y.isFinite {
          if let previousY, kind == .step {
            d += " L\(f(px(point.x))) \(f(py(previousY)))"
          }
          d += (d.isEmpty ? "M" : " L") + "\(f(px(point.x))) \(f(py(point.y)))"
          previousY = point.y
        }
        out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\">"
        out += "<title>\(HTMLText.escape(s.name))</title></path>"
        if series.count > 1 {
          let ly = top + 12 * Double(n)
          out += "<text x=\"\(f(left + plotW - 4))\" y=\"\(f(ly + 10))\" text-anchor=\"end\" "
          out += "font-size=\"10\" fill=\"\(colour)\">\(HTMLText.escape(s.name))</text>"
        }
      }
    }
    out += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\" "
    out += "stroke=\"#555\"/><line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" "
    out += "y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" stroke=\"#555\"/>"
    out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\" "
    out += "font-size=\"11\">\(HTMLText.escape(xLabel))</text>"
    out += "<text x=\"12\" y=\"\(f(top + plotH / 2))\" font-size=\"11\" text-anchor=\"middle\" "
    out += "transform=\"rotate(-90 12 \(f(top + plotH / 2)))\">\(HTMLText.escape(yLabel))</text>"
    return out + "</svg>"
  }
}

extension String {
  /// One decimal, no trailing ".0": SVG coordinates stay short.
  init(format1 v: Double) {
    let r = (v * 10).rounded() / 10
    self = r == r.rounded() ? String(Int64(r)) : String(r)
  }
}
