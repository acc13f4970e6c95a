import Foundation

/// Converts an ASCII decimal token to a Double, correctly rounded.
///
/// Grids hold millions of numbers and `Double(String)` would build a string
/// for each; this works on the bytes. Tokens with at most 15 significant
/// digits and a decimal exponent within 10^±22 take Clinger's fast path
/// (an exact integer times or divided by an exact power of ten is one
/// correctly rounded operation); anything longer goes to `strtod`. Either
/// way a value written with Swift's shortest round-trip digits reads back
/// bit for bit.
enum DecimalParser {
  private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

  /// The value of `bytes[start..<end]`, or nil when it is not a decimal number.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var index = start
    var negative = false
    if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var digits = 0
    var exponent = 0
    while index < end, bytes[index] &- 48 < 10 {
      let digit = UInt64(bytes[index] &- 48)
      if significant > 0 || digit != 0 { significant += 1 }
      if significant <= 19 { mantissa = mantissa &* 10 &+ digit } else { exponent += 1 }
      digits += 1
      index += 1
    }
    if index < end, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < end, bytes[index] &- 48 < 10 {
        let digit = UInt64(bytes[index] &- 48)
        if significant > 0 || digit != 0 { significant += 1 }
        if significant <= 19 {
          mantissa = mantissa &* 10 &+ digit
          exponent -= 1
        }
        digits += 1
        index += 1
      }
    }
    guard digits > 0 else { return nil }
    if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      var exponentNegative = false
      if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var written = 0
      var exponentDigits = 0
      while index < end, bytes[index] &- 48 < 10 {
        if written < 100_000 { written = written * 10 + Int(bytes[index] &- 48) }
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
      exponent += exponentNegative ? -written : written
    }
    guard index == end else { return nil }
    if significant <= 15, abs(exponent) <= 22 {
      var value = Double(mantissa)
      if exponent < 0 {
        value /= powersOfTen[-exponent]
      } else {
        value *= powersOfTen[exponent]
      }
      return negative ? -value : value
    }
    return slowPath(bytes, start, end)
  }

  private static func slowPath(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Double? {
    var text = [CChar](repeating: 0, count: end - start + 1)
    for offset in 0..<(end - start) { text[offset] = CChar(bitPattern: bytes[start + offset]) }
    return text.withUnsafeBufferPointer { buffer -> Double? in
      guard let base = buffer.baseAddress else { return nil }
      var stop: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &stop)
      guard let stop, stop == UnsafeMutablePointer(mutating: base) + (end - start) else {
        return nil
      }
      return value
    }
  }
}
