import Foundation
import Recording
import Scenario
import ScenarioLua

/// Runs one run of a sweep: a fresh Lua state and simulator for the
/// scenario, the point's parameters and the replication's seed.
///
/// Holds only values, so any number of threads can execute runs at once;
/// every run builds its own `LuaScenario` (one `lua_State` each, with its
/// own allocator state) and shares nothing with the others. Events are not
/// kept: a sweep stores results, and any run can be replayed with
/// `drillsim run --seed SEED --param ...`.
public struct RunExecutor: Sendable {
  public let scenarioPath: String
  public let definition: SweepDefinition
  let points: [DesignPoint]

  public init(scenarioPath: String, definition: SweepDefinition) {
    self.scenarioPath = scenarioPath
    self.definition = definition
    points = definition.points()
  }

  /// Runs `key` and returns its record; a run that fails (a script error,
  /// a limit, a value its setup refuses) is recorded with its error.
  public func execute(_ key: RunKey) -> RunRecord {
    let clock = ContinuousClock()
    let started = clock.now
    let seed = definition.runSeed(replication: key.replication)
    let point = points[key.point]
    var options = RunOptions(seed: seed, params: definition.overrides(at: point))
    options.limits.instructions = definition.maxInstructions
    options.limits.memoryBytes = definition.maxMemoryMb << 20
    func elapsed() -> Double {
      let d = clock.now - started
      return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
    do {
      let world = try LuaScenario(path: scenarioPath, options: options, sink: DiscardingEventSink())
      let result = world.run()
      return RunRecord(key: key, result: result, wallSeconds: elapsed())
    } catch {
      let status = (error as? RunFailure)?.isLimit == true ? "limit" : "failed"
      let settings = (definition.pinned + point.settings).sorted { $0.name < $1.name }
      let params = Self.paramsJSON(settings)
      return RunRecord(
        key: key, seed: seed, params: params, status: status, error: "setup: \(error)",
        simEndSeconds: 0, events: 0, wallSeconds: elapsed(), metrics: [], objectives: [])
    }
  }

  /// Parameters as summary.json writes them.
  static func paramsJSON(_ settings: [Setting]) -> String {
    JSONText.encode(.object(settings.map { ($0.name, $0.level.value) }))
  }
}
