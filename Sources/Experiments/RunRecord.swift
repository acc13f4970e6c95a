import Recording
import Scenario

/// What a sweep keeps of one run: its key, seed and parameters, how it
/// ended, its scalar metrics and objectives, and how long it took.
///
/// Everything but `wallSeconds` is a pure function of the sweep definition
/// and the key, so two stores of the same sweep hold equal records however
/// many jobs or shards produced them (`sameResult(as:)`).
public struct RunRecord: Sendable, Equatable {
  /// An objective's rating in one run.
  public struct Objective: Sendable, Equatable, Codable {
    public let name: String
    public let target: String
    public let value: Double?
    public let rating: String
    public let pass: Bool

    public init(name: String, target: String, value: Double?, rating: String, pass: Bool) {
      self.name = name
      self.target = target
      self.value = value
      self.rating = rating
      self.pass = pass
    }
  }

  public let key: RunKey
  public let seed: UInt64
  /// The parameters the run used, as summary.json writes them: a JSON
  /// object with keys sorted by name.
  public let params: String
  /// "complete", "failed" or "limit" (summary.json's statuses).
  public let status: String
  /// The error that failed the run, with its traceback.
  public let error: String?
  public let simEndSeconds: Double
  public let events: Int
  /// Wall-clock seconds of the run (load, setup and run); not part of the result.
  public let wallSeconds: Double
  /// Scalar metrics, sorted by name (objectives too, as the store reads them back).
  public let metrics: [Metric]
  public let objectives: [Objective]

  public init(
    key: RunKey, seed: UInt64, params: String, status: String, error: String?,
    simEndSeconds: Double, events: Int, wallSeconds: Double, metrics: [Metric],
    objectives: [Objective]
  ) {
    self.key = key
    self.seed = seed
    self.params = params
    self.status = status
    self.error = error
    self.simEndSeconds = simEndSeconds
    self.events = events
    self.wallSeconds = wallSeconds
    self.metrics = metrics.sorted { $0.name < $1.name }
    self.objectives = objectives.sorted { $0.name < $1.name }
  }

  /// A record of a run that finished (however it ended).
  public init(key: RunKey, result: RunResult, wallSeconds: Double) {
    self.init(
      key: key, seed: result.seed,
      params: JSONText.encode(.object(result.params.map { ($0.name, $0.value) })),
      status: result.status.rawValue, error: result.error, simEndSeconds: result.simEnd.seconds,
      events: result.events, wallSeconds: wallSeconds,
      metrics: result.metrics.map { Metric(name: $0.name, value: $0.value) },
      objectives: result.objectives.map {
        Objective(
          name: $0.name, target: $0.target, value: $0.value, rating: $0.rating, pass: $0.pass)
      })
  }

  /// Equal in everything but wall time: the same simulation result.
  public func sameResult(as other: RunRecord) -> Bool {
    key == other.key && seed == other.seed && params == other.params && status == other.status
      && error == other.error && simEndSeconds == other.simEndSeconds && events == other.events
      && metrics == other.metrics && objectives == other.objectives
  }

  /// The value of metric `name`, if the run reported it.
  public func metric(_ name: String) -> Double? {
    metrics.first { $0.name == name }?.value
  }
}

/// A named scalar metric of one run.
public struct Metric: Sendable, Equatable, Codable {
  public let name: String
  /// The value; NaN when the run reported one (stored as NULL).
  public let value: Double

  public init(name: String, value: Double) {
    self.name = name
    self.value = value
  }

  /// Equal names and equal values, NaN equal to NaN (a stored NULL reads
  /// back as NaN and must compare equal to the NaN that was written).
  public static func == (a: Metric, b: Metric) -> Bool {
    a.name == b.name && (a.value == b.value || a.value.isNaN && b.value.isNaN)
  }
}
