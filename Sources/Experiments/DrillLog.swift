import Foundation

/// What was observed in a real drill: a CSV file with the header
/// `event,time,zone,value` (and an optional `note` column), one
/// observation per row (docs/drill-log.md).
///
/// Times are read on one clock, seconds from the evacuation order (T+0):
/// written as seconds, `mm:ss` or `h:mm:ss` from the order, or as the clock
/// time of day `@hh:mm[:ss]`, which needs the order's own clock time in an
/// `evacuation_order` row. Every row is checked when the log is read, so a
/// comparison never starts on a log with a bad row; errors name the file
/// and line and exit 2.
public struct DrillLog: Sendable {
  /// One row of the log.
  public struct Row: Sendable, Equatable {
    /// 1-based line in the file.
    public let line: Int
    public let kind: DrillEventKind
    /// The zone, grid or shelter the row names ("" for none).
    public let subject: String
    /// The time column as written ("" when empty).
    public let timeText: String
    /// The time in seconds from the order, when the row has one.
    public let sinceOrder: Double?
    /// The value column, when the row has one.
    public let value: Double?
    /// The optional note column.
    public let note: String
  }

  /// The file the log was read from, for messages.
  public let path: String
  /// Observations and anchors, in file order.
  public let rows: [Row]

  /// Reads and checks the log at `path`.
  public init(path: String) throws(ExperimentsError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ExperimentsError(path, "no such drill log")
    }
    try self.init(text: String(decoding: data, as: UTF8.self), path: path)
  }

  /// Checks and reads the log's text; `path` names it in errors.
  public init(text: String, path: String) throws(ExperimentsError) {
    self.path = path
    var header: [String]?
    var rows: [Row] = []
    var clockRows: [(line: Int, clock: Double)] = []
    // "\r\n" is one Character in Swift: split on it as well as on "\n".
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
    for (index, raw) in lines.enumerated() {
      let number = index + 1
      let location = "\(path):\(number)"
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let fields = Self.fields(of: line) else {
        throw ExperimentsError(location, "unbalanced quotes")
      }
      guard let columns = header else {
        let names = fields.map { $0.lowercased() }
        guard names == Self.columns || names == Self.columns + ["note"] else {
          throw ExperimentsError(
            location, "expected the header 'event,time,zone,value' (optionally ',note')")
        }
        header = names
        continue
      }
      guard fields.count == columns.count || fields.count == Self.columns.count else {
        throw ExperimentsError(
          location,
          "expected \(columns.count) fields (\(columns.joined(separator: ","))), got \(fields.count)"
        )
      }
      let row = try Self.row(fields, line: number, location: location)
      if let clock = row.clock { clockRows.append((number, clock)) }
      if let earlier = rows.first(where: {
        $0.kind == row.row.kind && $0.subject == row.row.subject
      }) {
        throw ExperimentsError(
          location,
          "\(row.row.kind.name) \(row.row.subject) is already observed on line \(earlier.line)")
      }
      rows.append(row.row)
    }
    guard header != nil else { throw ExperimentsError(path, "empty drill log (no header)") }
    self.rows = try Self.resolvingClockTimes(rows, clockRows: clockRows, path: path)
    try checkScales()
  }

  static let columns = ["event", "time", "zone", "value"]

  /// The anchor row of `kind`, if the log has one.
  public func anchor(_ kind: DrillEventKind) -> Row? { rows.first { $0.kind == kind } }

  /// Seconds from the order to the warning: the `warning_issued` row, else 0
  /// (warning and order together, as most plans issue them).
  public var warningSinceOrder: Double { anchor(.warningIssued)?.sinceOrder ?? 0 }

  /// The observation of `row` on its metric's scale, or nil with the reason.
  public func observed(_ row: Row) -> (value: Double?, reason: String?) {
    switch row.kind.measure {
    case .value: return (row.value, nil)
    case .sinceOrder: return (row.sinceOrder, nil)
    case .sinceWarning: return (row.sinceOrder.map { $0 - warningSinceOrder }, nil)
    case .anchor: return (nil, "an anchor of the log's clock")
    case .sinceStart:
      guard let start = anchor(.exerciseStart)?.sinceOrder else {
        return (nil, "no exercise_start row to measure the order from")
      }
      return (-start, nil)
    }
  }

  /// Times on their metric's scale must not be negative.
  func checkScales() throws(ExperimentsError) {
    for row in rows where row.kind.measure != .value && row.kind.measure != .anchor {
      if let value = observed(row).value, value < 0 {
        let what = row.kind.measure.rawValue
        throw ExperimentsError(
          "\(path):\(row.line)",
          "\(row.kind.name) at \(row.timeText) is before its reference (\(what) is \(value) s)")
      }
    }
  }
}
