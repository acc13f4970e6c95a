import Foundation

/// Reading one row of a drill log: CSV fields, the event, its subject, the
/// time and the value, each checked against what the event needs.
extension DrillLog {
  /// The fields of a CSV line (RFC 4180 quotes, no line breaks inside),
  /// trimmed; nil for unbalanced quotes.
  static func fields(of line: Substring) -> [String]? {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var index = line.startIndex
    while index < line.endIndex {
      let c = line[index]
      if quoted {
        if c == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex, line[next] == "\"" {
            current.append("\"")
            index = next
          } else {
            quoted = false
          }
        } else {
          current.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(c)
      }
      index = line.index(after: index)
    }
    guard !quoted else { return nil }
    fields.append(current.trimmingCharacters(in: .whitespaces))
    return fields
  }

  /// A row from its fields; `clock` is the time of day (seconds) of a
  /// `@hh:mm:ss` time, which `resolvingClockTimes` turns into seconds from
  /// the order.
  static func row(_ fields: [String], line: Int, location: String) throws(ExperimentsError)
    -> (row: Row, clock: Double?)
  {
    let (event, timeText, subject, valueText) = (fields[0], fields[1], fields[2], fields[3])
    guard let kind = DrillEventKind(name: event) else {
      let known = DrillEventKind.named.map(\.name).joined(separator: ", ")
      throw ExperimentsError(
        location, "unknown event '\(event)' (known: \(known), or metric:<name>)")
    }
    switch kind.subject {
    case .nothing:
      guard subject.isEmpty else {
        throw ExperimentsError(location, "\(event) names no zone; leave the zone column empty")
      }
    case .zone, .grid, .shelter:
      guard !subject.isEmpty else {
        throw ExperimentsError(
          location, "\(event) needs a \(kind.subject.rawValue) id in the zone column")
      }
    case .zoneOrAll: break
    }
    guard
      subject.allSatisfy({ ($0.isLetter || $0.isNumber) && $0.isASCII || $0 == "_" || $0 == "-" })
    else {
      throw ExperimentsError(
        location, "'\(subject)' is not a map id (letters, digits, '_' and '-' only)")
    }
    var value: Double?
    if kind.measure == .value {
      guard let number = Double(valueText), number.isFinite else {
        throw ExperimentsError(
          location, "\(event) needs a number in the value column, got '\(valueText)'")
      }
      value = number
    } else if !valueText.isEmpty {
      throw ExperimentsError(
        location, "\(event) is observed as a time; leave the value column empty")
    }
    var sinceOrder: Double?
    var clock: Double?
    if timeText.isEmpty {
      guard kind.measure == .value else {
        throw ExperimentsError(location, "\(event) needs a time")
      }
    } else {
      switch try time(timeText, location: location) {
      case .elapsed(let seconds): sinceOrder = seconds
      case .clock(let seconds): clock = seconds
      }
    }
    if kind == .evacuationOrder, let sinceOrder, sinceOrder != 0 {
      throw ExperimentsError(
        location,
        "the order is T+0 of the log's elapsed times; give its clock time (@hh:mm:ss) to compare it"
      )
    }
    let note = fields.count > 4 ? fields[4] : ""
    let row = Row(
      line: line, kind: kind, subject: subject, timeText: timeText, sinceOrder: sinceOrder,
      value: value, note: note)
    return (row, clock)
  }

  /// A time as written in the log.
  enum Time: Equatable {
    /// Seconds from the order.
    case elapsed(Double)
    /// Seconds since local midnight.
    case clock(Double)
  }

  /// Parses `1800`, `-300`, `30:00`, `1:05:00`, `T+1:05:00` (from the
  /// order) and `@02:35` or `@02:35:10` (clock time of day).
  static func time(_ text: String, location: String) throws(ExperimentsError) -> Time {
    let bad = ExperimentsError(
      location,
      "bad time '\(text)' (seconds, mm:ss or h:mm:ss from the order, or @hh:mm[:ss] clock time)")
    var body = Substring(text)
    if body.hasPrefix("@") {
      let parts = body.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2 || parts.count == 3,
        parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
        let h = Double(parts[0]), let m = Double(parts[1]), h < 24, m < 60
      else { throw bad }
      let s = parts.count == 3 ? Double(parts[2]) ?? 60 : 0
      guard s < 60 else { throw bad }
      return .clock(h * 3600 + m * 60 + s)
    }
    if body.hasPrefix("T+") { body = body.dropFirst(2) }
    var sign = 1.0
    if body.hasPrefix("-") {
      sign = -1
      body = body.dropFirst()
    }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("+") })
    else { throw bad }
    var numbers: [Double] = []
    for part in parts {
      guard let number = Double(part), number.isFinite, number >= 0 else { throw bad }
      numbers.append(number)
    }
    // The first part may be any size (95:00 is 95 min); later ones are < 60.
    guard numbers.dropFirst().allSatisfy({ $0 < 60 }) else { throw bad }
    return .elapsed(sign * numbers.reduce(0) { $0 * 60 + $1 })
  }

  /// Turns clock times into seconds from the order's clock time.
  ///
  /// The order's clock time is the `evacuation_order` row's. A clock time more than 12 h
  /// before the order is taken to be on the next day (drills across
  /// midnight), so clock times must lie within 12 h of the order.
  static func resolvingClockTimes(
    _ rows: [Row], clockRows: [(line: Int, clock: Double)], path: String
  ) throws(ExperimentsError) -> [Row] {
    guard let first = clockRows.first else { return rows }
    guard let order = rows.first(where: { $0.kind == .evacuationOrder }),
      let orderClock = clockRows.first(where: { $0.line == order.line })?.clock
    else {
      throw ExperimentsError(
        "\(path):\(first.line)",
        "a clock time needs the order's clock time: add an evacuation_order row with @hh:mm:ss")
    }
    return rows.map { row in
      guard let clock = clockRows.first(where: { $0.line == row.line })?.clock else { return row }
      var since = clock - orderClock
      if since < -43_200 { since += 86_400 } else if since >= 43_200 { since -= 86_400 }
      return Row(
        line: row.line, kind: row.kind, subject: row.subject, timeText: row.timeText,
        sinceOrder: row.kind == .evacuationOrder ? 0 : since, value: row.value, note: row.note)
    }
  }
}
