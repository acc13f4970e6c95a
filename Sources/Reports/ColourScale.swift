/// A sequential colour scale from pale yellow (short times) to dark red
/// (long times), for the cells of the clearance matrix.
///
/// Three stops of ColorBrewer's YlOrRd, interpolated in sRGB: readable in
/// print and for the common red-green colour blindness, since it varies in
/// lightness as well as hue.
public struct ColourScale: Sendable, Equatable {
  public let low: Double
  public let high: Double

  static let stops: [(Double, Double, Double)] = [(255, 255, 204), (253, 141, 60), (189, 0, 38)]

  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  /// The scale spanning `values` (NaNs left out); nil when there are none.
  public init?(covering values: [Double]) {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    self.init(low: low, high: high)
  }

  /// Where `value` lies, from 0 (low) to 1 (high); 0 when the scale is a point.
  public func position(_ value: Double) -> Double {
    guard high > low else { return 0 }
    return min(1, max(0, (value - low) / (high - low)))
  }

  /// The colour of `value` as "#rrggbb".
  public func colour(_ value: Double) -> String {
    let t = position(value) * Double(Self.stops.count - 1)
    let index = min(Self.stops.count - 2, Int(t.rounded(.down)))
    let f = t - Double(index)
    let a = Self.stops[index]
    let b = Self.stops[index + 1]
    return "#"
      + [a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1), a.2 + f * (b.2 - a.2)]
      .map { Self.hex(Int($0.rounded())) }.joined()
  }

  /// Whether text on `value`'s colour should be white to stay readable.
  public func needsLightText(_ value: Double) -> Bool { position(value) > 0.6 }

  static func hex(_ byte: Int) -> String {
    let digits = Array("0123456789abcdef")
    let b = min(255, max(0, byte))
    return String([digits[b / 16], digits[b % 16]])
  }
}
