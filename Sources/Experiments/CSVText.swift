import Recording

/// CSV fields as RFC 4180 writes them, and numbers in their shortest exact
/// form, so equal stores export to equal bytes.
enum CSVText {
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Shortest round-trip form; empty for NaN and for nothing.
  static func number(_ value: Double?) -> String {
    guard let value, !value.isNaN else { return "" }
    return JSONText.number(value)
  }

  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\n"
  }
}
