import Foundation
import Recording

/// What the plan predicts, as a drill is compared with it: the metrics and
/// objectives of one run (a results folder) or of the replications of one
/// design point of a sweep (a sweep folder).
///
/// A run gives a distribution of one value per metric, which the output
/// says; a sweep point gives one value per completed replication. The
/// events of a run (events.jsonl) are kept as evidence for the after-action
/// report; a sweep store keeps no events, so its evidence is its metrics.
public struct DrillBaseline: Sendable {
  /// Where the simulated values come from.
  public enum Source: String, Sendable {
    case run, sweep
  }

  /// One simulated replication: its number and scalar metrics.
  public struct Replication: Sendable {
    public let number: Int
    public let metrics: [Metric]
    public let objectives: [RunRecord.Objective]

    public func metric(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
  }

  public let source: Source
  /// The folder given on the command line.
  public let path: String
  public let scenario: String
  /// The design point, for a sweep.
  public let point: Int?
  /// How the point was chosen, or the run's seed, in words.
  public let selection: String
  /// The parameters of the run or point, `name=value`, sorted by name.
  public let parameters: [String]
  public let replications: [Replication]
  /// The run's events, in time order (empty for a sweep).
  public let events: [RunArchive.Event]

  /// Every metric some replication reported, sorted.
  public var metricNames: [String] {
    Array(Set(replications.flatMap { $0.metrics.map(\.name) })).sorted()
  }

  /// The simulated values of `metric`, one per replication that reported it.
  public func distribution(_ metric: String) -> SimulatedDistribution {
    SimulatedDistribution(replications.compactMap { $0.metric(metric) })
  }

  /// The baseline in `path`: a sweep folder or a run's results folder.
  ///
  /// A folder with sweep.sqlite is a sweep; one with summary.json a run. `point` picks a sweep's design point
  /// (default: the one at the scenario's defaults, else 0).
  public static func load(path: String, point: Int?) throws(ExperimentsError) -> DrillBaseline {
    let folder = URL(fileURLWithPath: path)
    let sweep = folder.appendingPathComponent(SweepStore.fileName).path
    if FileManager.default.fileExists(atPath: sweep) {
      return try DrillBaseline(sweepFolder: folder, path: path, point: point)
    }
    if point != nil {
      throw ExperimentsError("--point", "\(path) is a single run, not a sweep folder")
    }
    let run = RunFolder(url: folder)
    guard FileManager.default.fileExists(atPath: run.summaryURL.path) else {
      throw ExperimentsError(
        path, "neither a run's results folder (summary.json) nor a sweep folder (sweep.sqlite)")
    }
    return try DrillBaseline(run: run, path: path)
  }

  /// One run: a distribution of one value per metric.
  init(run folder: RunFolder, path: String) throws(ExperimentsError) {
    let archive: RunArchive
    do {
      archive = try RunArchive(folder: folder)
      events = try archive.events()
    } catch {
      throw ExperimentsError(error.location, error.message)
    }
    let summary = archive.summary
    let metrics = archive.metrics.map { Metric(name: $0.name, value: $0.value.doubleValue ?? .nan) }
    let objectives = (summary["objectives"]?.arrayValue ?? []).map { o in
      RunRecord.Objective(
        name: o["name"]?.stringValue ?? "", target: o["target"]?.stringValue ?? "",
        value: o["value"]?.doubleValue, rating: o["rating"]?.stringValue ?? "",
        pass: o["pass"] == .bool(true))
    }
    source = .run
    self.path = path
    scenario = summary["scenario"]?.stringValue ?? "run"
    point = nil
    let seed = summary["seed"].map { $0.stringValue ?? JSONText.encode($0) } ?? "?"
    let status = summary["status"]?.stringValue ?? "?"
    selection =
      "one run (seed \(seed), status \(status)): each distribution is that run's single value"
    if case .object(let fields)? = summary["params"] {
      parameters = fields.map { "\($0.key)=\($0.value.stringValue ?? JSONText.encode($0.value))" }
        .sorted()
    } else {
      parameters = []
    }
    replications = [
      Replication(
        number: 0, metrics: metrics.sorted { $0.name < $1.name },
        objectives: objectives.sorted { $0.name < $1.name })
    ]
  }
}
