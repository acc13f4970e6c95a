import Foundation

/// Runs a sweep, or the part of it still missing, into its store.
///
/// The run list is every point times the definition's replications, cut to
/// the shard; runs already in the store are skipped, so running a sweep
/// again on the same folder resumes it. Each finished run is committed at
/// once in its own transaction. With a precision target, rounds of extra
/// replications follow until every point's interval is narrow enough.
public struct Sweep {
  /// How far a sweep has got, for progress displays.
  public struct Progress: Sendable {
    /// Runs finished in this invocation.
    public var done = 0
    /// Runs this invocation has planned so far (grows with precision rounds).
    public var planned = 0
    /// Of `done`, those that failed or hit a limit.
    public var failed = 0
    /// Runs already stored when it started.
    public var skipped = 0
  }

  public let scenarioPath: String
  public let definition: SweepDefinition
  public let store: SweepStore
  public let shard: Shard
  public let precision: PrecisionTarget?

  public init(
    scenarioPath: String, definition: SweepDefinition, store: SweepStore, shard: Shard = .all,
    precision: PrecisionTarget? = nil
  ) throws(ExperimentsError) {
    if precision != nil, shard.count > 1 {
      throw ExperimentsError(
        "--precision", "sequential replications need the whole sweep in one store (no --shard)")
    }
    self.scenarioPath = scenarioPath
    self.definition = definition
    self.store = store
    self.shard = shard
    self.precision = precision
  }

  /// The shard's runs not in the store yet (before any precision round).
  public func missing() throws(ExperimentsError) -> [RunKey] {
    let stored = Set(try store.recordedKeys())
    return shard.runs(points: definition.points().count, replications: definition.replications)
      .filter { !stored.contains($0) }
  }

  /// Runs what is missing with `runner`, calling `report` after each run.
  ///
  /// - Returns: the final progress.
  /// - Throws: when the store cannot be written (the sweep stops; what was
  ///   committed stays).
  @discardableResult
  public func run(with runner: ParallelRunner, report: (Progress, RunRecord?) -> Void = { _, _ in })
    throws(ExperimentsError) -> Progress
  {
    try store.adopt(definition)
    let executor = RunExecutor(scenarioPath: scenarioPath, definition: definition)
    var progress = Progress()
    let all = shard.runs(points: definition.points().count, replications: definition.replications)
    var round = try missing()
    progress.skipped = all.count - round.count
    progress.planned = round.count
    report(progress, nil)
    while !round.isEmpty {
      do {
        try runner.run(round, executor: executor) { record in
          try store.insert(record)
          progress.done += 1
          if record.status != "complete" { progress.failed += 1 }
          report(progress, record)
        }
      } catch let error as ExperimentsError {
        throw error
      } catch {
        throw ExperimentsError(store.path, "\(error)", invalidInput: false)
      }
      guard let precision else { break }
      let analysis = SweepAnalysis(definition: definition, records: try store.records())
      round = precision.nextRound(analysis, stored: try store.recordedKeys())
      progress.planned += round.count
    }
    return progress
  }
}
