/// The ETE-style matrix of a sweep: one row per scenario variant (design
/// point), one column per zone, and in each cell the median and P90 over
/// the replications of the zone's T90 and T100 clearance times, in minutes.
///
/// Evacuation time estimate (ETE) studies tabulate clearance times this
/// way (NUREG/CR-7002): scenarios down, evacuation regions across, 90 %
/// and 100 % clearance in each cell. The zones are read from the per-zone
/// metric names `evacuation.<zone>.t90_s` and `evacuation.<zone>.t100_s`,
/// sorted; quantiles follow `SampleQuantiles` (type 7). A replication in
/// which a zone never reached 90 % or 100 % reports no such metric and
/// does not count; `count` says how many did.
public struct ClearanceMatrix: Sendable, Equatable {
  /// Median and P90 of one clearance time, in minutes, over `count` replications.
  public struct Quantiles: Sendable, Equatable {
    public let count: Int
    public let median: Double?
    public let p90: Double?

    init(seconds values: [Double]) {
      let q = SampleQuantiles(values.map { $0 / 60 })
      count = q.count
      median = q.median
      p90 = q.p90
    }
  }

  /// One point's times in one zone.
  public struct Cell: Sendable, Equatable {
    public let t90: Quantiles
    public let t100: Quantiles
  }

  /// The zones, as they appear in the metric names, sorted.
  public let zones: [String]
  /// `cells[point][zone]`, in point and zone order.
  public let cells: [[Cell]]

  static let prefix = "evacuation."
  static let suffixes = (t90: ".t90_s", t100: ".t100_s")

  /// The matrix of `results`; no zones when no run reported a per-zone time.
  public init(_ results: SweepResults) {
    var zones: [String] = []
    for samples in results.samples {
      if let zone = Self.zone(in: samples.metric), !zones.contains(zone) { zones.append(zone) }
    }
    self.zones = zones.sorted()
    cells = results.points.indices.map { point in
      zones.sorted().map { zone in
        func values(_ suffix: String) -> [Double] {
          let samples = results.samples(Self.prefix + zone + suffix)
          return point < (samples?.values.count ?? 0) ? samples?.values[point] ?? [] : []
        }
        return Cell(
          t90: Quantiles(seconds: values(Self.suffixes.t90)),
          t100: Quantiles(seconds: values(Self.suffixes.t100)))
      }
    }
  }

  /// The zone of a per-zone clearance metric name, or nil for any other name.
  static func zone(in metric: String) -> String? {
    guard metric.hasPrefix(prefix) else { return nil }
    for suffix in [suffixes.t90, suffixes.t100] where metric.hasSuffix(suffix) {
      let zone = metric.dropFirst(prefix.count).dropLast(suffix.count)
      return zone.isEmpty ? nil : String(zone)
    }
    return nil
  }

  /// Every P90 in the matrix, for the colour scale.
  var allP90: [Double] {
    cells.flatMap { $0.flatMap { [$0.t90.p90, $0.t100.p90].compactMap { $0 } } }
  }
}
