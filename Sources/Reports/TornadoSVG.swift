import Foundation

/// A tornado chart of standardised regression coefficients: one
/// horizontal bar per input, the largest effect on top.
///
/// Bars grow right for inputs that raise the metric and left for those
/// that lower it, on a fixed axis from -1 to 1 (wider only if a
/// coefficient is), so charts of different metrics compare at a glance.
/// Sorted by absolute size, ties by name, so the same fit always draws the
/// same chart.
public struct TornadoSVG: Sendable {
  public var title: String
  public var coefficients: [SweepResults.Coefficient]

  public init(title: String, coefficients: [SweepResults.Coefficient]) {
    self.title = title
    self.coefficients = coefficients
  }

  /// The coefficients in drawing order: largest |SRC| first, then by name.
  public static func sorted(_ coefficients: [SweepResults.Coefficient])
    -> [SweepResults.Coefficient]
  {
    coefficients.sorted {
      abs($0.src) != abs($1.src) ? abs($0.src) > abs($1.src) : $0.input < $1.input
    }
  }

  /// The chart as an `<svg>` element.
  public func svg() -> String {
    let bars = Self.sorted(coefficients)
    let labelWidth = 160.0
    let plotW = 360.0
    let row = 22.0
    let top = 28.0
    let width = labelWidth + plotW + 70
    let height = top + row * Double(max(bars.count, 1)) + 30
    let reach = max(1, bars.map { abs($0.src) }.max() ?? 1)
    let zero = labelWidth + plotW / 2
    func px(_ v: Double) -> Double { zero + v / reach * plotW / 2 }
    func f(_ v: Double) -> String { String(format1: v) }
    var out = "<svg class=\"chart tornado\" width=\"\(f(width))\" height=\"\(f(height))\" "
    out += "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\">"
    out += "<title>\(HTMLText.escape(title))</title>"
    out += "<text x=\"4\" y=\"16\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
    for tick in [-reach, -reach / 2, 0, reach / 2, reach] {
      out += "<line x1=\"\(f(px(tick)))\" x2=\"\(f(px(tick)))\" y1=\"\(f(top - 4))\" "
      out += "y2=\"\(f(height - 26))\" stroke=\"\(tick == 0 ? "#555" : "#ddd")\"/>"
      out += "<text x=\"\(f(px(tick)))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" "
      out += "font-size=\"10\">\(Self.number(tick))</text>"
    }
    for (n, bar) in bars.enumerated() {
      let y = top + row * Double(n)
      let x0 = min(px(0), px(bar.src))
      let w = abs(px(bar.src) - px(0))
      let colour = bar.src >= 0 ? "#1f77b4" : "#d62728"
      out += "<g class=\"bar\" data-input=\"\(HTMLText.escape(bar.input))\">"
      out += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + row * 0.65))\" text-anchor=\"end\" "
      out += "font-size=\"11\">\(HTMLText.escape(bar.input))</text>"
      out += "<rect x=\"\(f(x0))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(row - 6))\" "
      out += "fill=\"\(colour)\"><title>\(HTMLText.escape(bar.input)): SRC "
      out += "\(Self.number(bar.src))</title></rect>"
      out += "<text x=\"\(f(labelWidth + plotW + 8))\" y=\"\(f(y + row * 0.65))\" "
      out += "font-size=\"11\">\(Self.number(bar.src))</text></g>"
    }
    return out + "</svg>"
  }

  /// A coefficient with three decimals and its sign.
  static func number(_ v: Double) -> String {
    v == 0 ? "0" : String(format: "%+.3f", v)
  }
}
