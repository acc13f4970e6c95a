import SimKernel

/// The metrics a run reports: each a dotted name with one or more points.
///
/// A name reported once is a scalar; reported again, it is a time series
/// whose last value goes to summary.json and whose points go to a CSV.
/// Names keep their first-report order for series output and are sorted
/// for the summary, so no hash order reaches a file.
public struct MetricSeries: Sendable {
  public struct Point: Sendable {
    public let time: SimTime
    public let name: String
    public let value: Double
  }

  /// Every point in the order reported.
  public private(set) var points: [Point] = []
  var latest: [String: Double] = [:]
  var counts: [String: Int] = [:]

  public init() {}

  public mutating func record(_ name: String, _ value: Double, at time: SimTime) {
    points.append(Point(time: time, name: name, value: value))
    latest[name] = value
    counts[name, default: 0] += 1
  }

  /// The last value of each metric, sorted by name.
  public var summary: [(name: String, value: Double)] {
    latest.map { (name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
  }

  /// True when some metric has more than one point (a series to write).
  public var hasSeries: Bool { counts.values.contains { $0 > 1 } }

  /// Checks a metric name: dotted words of letters, digits, `_` and `-`.
  public static func isValidName(_ name: String) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty
          && part.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
              || c == 45
          }
      }
  }
}
