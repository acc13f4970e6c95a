/// Text made safe for HTML documents.
///
/// Every string that comes from a map, a scenario or a results file goes
/// through here before it reaches report.html or replay.html: names are
/// user data (OSM tags, Lua strings) and may hold `<`, `&` or quotes.
public enum HTMLText {
  /// Escapes text for element content and quoted attribute values.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// JSON text made safe inside `<script type="application/json">`: every
  /// `<` becomes `\u003c` (it can only occur inside JSON strings, where the
  /// escape means the same), so no `</script>` or `<!--` can end the block.
  public static func scriptJSON(_ json: String) -> String {
    guard json.utf8.contains(UInt8(ascii: "<")) else { return json }
    var out = ""
    out.reserveCapacity(json.utf8.count + 64)
    for scalar in json.unicodeScalars {
      if scalar == "<" { out += "\\u003c" } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  /// A number as summary.json writes it (shortest round-trip form).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }
}
