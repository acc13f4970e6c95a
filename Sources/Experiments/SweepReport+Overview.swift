import Foundation

/// What the HTML sweep report needs beyond the statistics: how far the
/// sweep got, which metrics to show, whether a sensitivity chart means
/// anything, and how to run a failed run again.
extension SweepReport {
  /// Run counts of a sweep.
  public struct Progress: Equatable, Sendable {
    /// Points times replications.
    public let planned: Int
    /// Runs in the store, complete or not (sequential extras included).
    public let stored: Int
    /// Stored runs that did not complete (failed or hit a limit).
    public let failed: Int
    /// Planned runs not in the store.
    public let missing: Int
    /// Stored runs beyond the planned replications (sequential precision).
    public let extra: Int
  }

  /// The metrics a report shows first when a run reported them: clearance
  /// times, outcomes and the headline figure of each model.
  public static let keyMetrics = [
    "evacuation.t50_s", "evacuation.t90_s", "evacuation.t100_s", "evacuation.safe",
    "evacuation.exposed_person_min", "response.mean_s", "teams.utilisation",
    "supply.shortfall_person_h", "flood.volume_m3", "fire.burned_area_m2",
  ]

  /// How many runs are planned, stored, failed and missing.
  public var progress: Progress {
    let d = definition
    let planned = analysis.points.count * d.replications
    let keys = Set(stored.map(\.key))
    let base = Shard.all.runs(points: analysis.points.count, replications: d.replications)
    return Progress(
      planned: planned, stored: stored.count,
      failed: stored.filter { $0.status != "complete" }.count,
      missing: base.filter { !keys.contains($0) }.count,
      extra: stored.filter { $0.key.replication >= d.replications }.count)
  }

  /// The values a factor takes, in words: "{2, 3}" or "0 to 60 (integers), 3 levels".
  public func levelsText(_ factor: Factor) -> String { Self.describe(factor, definition) }

  /// The metrics to report: the key metrics first, then `extra`.
  ///
  /// The key metrics the runs reported come in `keyMetrics` order, then
  /// `extra` in the order given. When the runs
  /// reported none of the key metrics, the first six top-level metrics
  /// (names with at most one dot) stand in, so a report of any scenario
  /// shows something.
  public func reportedMetrics(adding extra: [String] = []) -> [String] {
    let present = Set(analysis.metricNames)
    var names = Self.keyMetrics.filter { present.contains($0) }
    if names.isEmpty {
      let topLevel = analysis.metricNames.filter { $0.split(separator: ".").count <= 2 }
      names = Array(topLevel.prefix(6))
    }
    for name in extra where !names.contains(name) { names.append(name) }
    return names
  }

  /// The sensitivity of `metric` when a chart of it tells more than the
  /// per point table: at least two varied numeric parameters, or one over
  /// at least three points (with two points, a single coefficient only
  /// restates the sign of the paired difference).
  ///
  /// - Throws: `ExperimentsError` saying why there is no chart.
  public func reportedSensitivity(_ metric: String) throws(ExperimentsError) -> Sensitivity {
    let factors = analysis.numericFactors.count
    if factors == 1, analysis.points.count < 3 {
      throw ExperimentsError(
        "sensitivity",
        "one varied parameter at \(analysis.points.count) points: the paired differences "
          + "say all a regression could")
    }
    return try analysis.sensitivity(metric)
  }

  /// The command that runs `record` again alone: from its error when the
  /// sweep wrote one there (a crashed worker names the scenario file),
  /// else built from its seed and parameters with SCENARIO standing for
  /// the scenario file, whose path the store does not keep.
  public func replayCommand(_ record: RunRecord) -> String {
    let marker = "replay it with: "
    if let error = record.error, let range = error.range(of: marker) {
      let rest = error[range.upperBound...]
      return String(rest.prefix { $0 != "\n" })
    }
    let settings: [Setting] =
      record.key.point < analysis.points.count
      ? (definition.pinned + analysis.points[record.key.point].settings)
        .sorted { $0.name < $1.name } : definition.pinned
    return "drillsim run SCENARIO --seed \(record.seed)"
      + settings.map { " --param \($0.name)=\($0.level.text)" }.joined()
  }
}
