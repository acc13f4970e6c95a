/// A point in simulated time: integer milliseconds since the scenario start.
///
/// Integer time makes event order exact and reproducible: two events
/// scheduled "5 minutes from now" by different paths land on the same tick,
/// which floating-point seconds do not guarantee. Lua sees seconds as numbers.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Milliseconds since the scenario start.
  public var ms: Int64

  @inlinable public init(ms: Int64) { self.ms = ms }

  /// The tick nearest to `seconds` (halves away from zero, as `rounded()`);
  /// nil when it is not finite or out of range.
  ///
  /// Rounded with integer arithmetic: `rounded()` is a call into libm on
  /// x86-64, and this runs on every wait. Below 9e15 the truncation is
  /// exact and so is the fraction `scaled - whole` (|scaled| < 2^53), so
  /// the tick is exactly the rounded one; from 2^52 on, `scaled` is
  /// already whole and the fraction is zero.
  @inlinable public init?(seconds: Double) {
    let scaled = seconds * 1000
    // Also false for NaN; for |scaled| > 2^52, scaled is whole, so this
    // is the old bound on the rounded value.
    guard abs(scaled) < 9.0e15 else { return nil }
    let whole = Int64(scaled)
    let fraction = scaled - Double(whole)
    if fraction >= 0.5 {
      ms = whole + 1
    } else if fraction <= -0.5 {
      ms = whole - 1
    } else {
      ms = whole
    }
  }

  public static let zero = SimTime(ms: 0)
  public static let never = SimTime(ms: .max)

  /// Seconds as a double (exact for any realistic run length).
  @inlinable public var seconds: Double { Double(ms) / 1000 }

  @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.ms < b.ms }
  @inlinable public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(ms: a.ms &+ b.ms) }
  @inlinable public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(ms: a.ms &- b.ms) }

  /// Seconds with up to three decimals and no trailing zeros ("12", "0.25").
  ///
  /// Printed from the integer, so the text is exact and identical everywhere.
  public var description: String {
    let sign = ms < 0 ? "-" : ""
    let magnitude = ms.magnitude
    let whole = magnitude / 1000
    var frac = magnitude % 1000
    if frac == 0 { return "\(sign)\(whole)" }
    var digits = 3
    while frac % 10 == 0 {
      frac /= 10
      digits -= 1
    }
    var fracText = String(frac)
    while fracText.count < digits { fracText = "0" + fracText }
    return "\(sign)\(whole).\(fracText)"
  }
}
