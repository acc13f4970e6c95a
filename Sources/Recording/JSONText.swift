import Scenario

/// Writes `Value`s as JSON text, byte-for-byte the same on every run.
///
/// Objects keep the order their producer gave (producers sort their keys);
/// doubles print in Swift's shortest round-trip form; non-finite numbers,
/// which JSON cannot hold, print as null.
public enum JSONText {
  public static func encode(_ value: Value) -> String {
    var out = ""
    write(value, to: &out)
    return out
  }

  public static func write(_ value: Value, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d): out += number(d)
    case .string(let s): string(s, to: &out)
    case .array(let elements):
      out += "["
      for (n, element) in elements.enumerated() {
        if n > 0 { out += "," }
        write(element, to: &out)
      }
      out += "]"
    case .object(let fields):
      out += "{"
      for (n, field) in fields.enumerated() {
        if n > 0 { out += "," }
        string(field.key, to: &out)
        out += ":"
        write(field.value, to: &out)
      }
      out += "}"
    }
  }

  public static func number(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return d.description
  }

  public static func string(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
