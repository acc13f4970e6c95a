import SimKernel

/// How a run ended.
public enum RunStatus: String, Sendable {
  /// It reached its duration, ran out of events, or the script stopped it.
  case complete
  /// A script error or an objective that could not be evaluated.
  case failed
  /// The instruction budget or the memory cap stopped it.
  case limit
}

/// An objective as rated at its deadline (or at the end of the run).
public struct ObjectiveResult: Sendable {
  public let name: String
  public let target: String
  /// What the check measured, if it reported a number.
  public let value: Double?
  /// P, S, M or U (performed; with some, major challenges; unable), the
  /// exercise-evaluation scale; a check that only passes or fails gets P or U.
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

/// Everything a finished run reports: the content of summary.json.
public struct RunResult: Sendable {
  public var scenario: String
  public var seed: UInt64
  /// Declared parameters with the values used, sorted by name.
  public var params: [(name: String, value: Value)]
  public var status: RunStatus
  public var stopReason: String?
  /// The error that failed the run: message, sim time and traceback.
  public var error: String?
  public var simEnd: SimTime
  /// Kernel events processed.
  public var events: Int
  /// Dotted names to numbers, sorted by name.
  public var metrics: [(name: String, value: Double)]
  public var objectives: [ObjectiveResult]

  public init(scenario: String, seed: UInt64) {
    self.scenario = scenario
    self.seed = seed
    params = []
    status = .complete
    simEnd = .zero
    events = 0
    metrics = []
    objectives = []
  }
}
