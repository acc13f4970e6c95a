import Recording

/// The master scenario events list (MSEL) of a drill, for its controllers:
/// every inject with its time, delivery, sender, recipient, text, expected
/// action and objective, as CSV (for a spreadsheet) or Markdown.
///
/// Rows follow the injects' numbers: timed injects by time, then the
/// conditional ones, whose time column reads "when: <trigger>". Times are
/// the offset from the start, with the scenario's local clock time when
/// its header gives a `start` ("T+00:15 (02:15)"), because controllers
/// deliver by the clock on the wall and evaluators think in elapsed time.
public struct MSELDocument {
  /// The columns, in order; the CSV's header row.
  public static let columns = [
    "number", "time", "delivery", "sender", "recipient", "text", "expected action", "objective",
  ]

  public let scenario: String
  public let injects: [Inject]
  public let clock: ScenarioClock

  /// - Parameters:
  ///   - scenario: the scenario's name, for the Markdown title.
  ///   - injects: the scenario's injects (any order; rows follow `number`).
  ///   - start: the header's `start` (ISO 8601 with offset), if any.
  public init(scenario: String, injects: [Inject], start: String?) {
    self.scenario = scenario
    self.injects = injects.sorted { $0.number < $1.number }
    clock = ScenarioClock(start: start)
  }

  /// The rows as text fields, in column order.
  public var rows: [[String]] {
    injects.map { inject in
      [
        String(inject.number), time(inject), inject.delivery ?? "", inject.from ?? "", inject.to,
        inject.text, inject.expectedAction ?? "", inject.objective ?? "",
      ]
    }
  }

  /// "T+00:15 (02:15)", "T+01:30", or "when: <trigger>".
  func time(_ inject: Inject) -> String {
    guard let time = inject.time else { return "when: " + (inject.trigger ?? "a condition") }
    let seconds = Int64((Double(time.ms) / 1000).rounded(.down))
    let offset = "T+" + Self.clockText(seconds)
    guard clock.startLocal != nil else { return offset }
    // ScenarioClock.text gives "YYYY-MM-DD hh:mm:ss"; the MSEL shows hh:mm.
    let local = clock.text(at: time).split(separator: " ").last.map(String.init) ?? ""
    let hhmm = local.hasSuffix(":00") ? String(local.dropLast(3)) : local
    return "\(offset) (\(hhmm))"
  }

  /// "00:15" for 900 s, "01:02:03" when the seconds are not whole minutes.
  static func clockText(_ seconds: Int64) -> String {
    let full = ScenarioClock.elapsed(seconds)
    return full.hasSuffix(":00") ? String(full.dropLast(3)) : full
  }

  /// UTF-8 CSV with RFC 4180 quoting: a header row, then one row per inject.
  public func csv() -> String {
    ([Self.columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\n" }.joined()
  }

  /// A Markdown table with a title line.
  public func markdown() -> String {
    var out = "# MSEL: \(Self.markdownCell(scenario))\n\n"
    out += "Master scenario events list, for controllers and evaluators only.\n\n"
    out += "| " + Self.columns.joined(separator: " | ") + " |\n"
    out += "|" + String(repeating: "---|", count: Self.columns.count) + "\n"
    for row in rows {
      out += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// A field quoted when it holds a comma, a quote or a line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
      return text
    }
    var out = "\""
    for c in text { out += c == "\"" ? "\"\"" : String(c) }
    return out + "\""
  }

  /// Text safe in a Markdown table cell: pipes escaped, line breaks as <br>.
  static func markdownCell(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "|": out += "\\|"
      case _ where c.isNewline: out += "<br>"
      default: out.append(c)
      }
    }
    return out
  }
}
