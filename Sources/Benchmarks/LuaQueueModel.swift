import Foundation
import LuaHost
import Scenario
import ScenarioLua

/// M/M/3 with every customer a Lua process (reference/peers.md's model).
///
/// c = 3, mu = 1, lambda = 2.7, FIFO, starting empty, 2 model events per
/// customer. The scenario's setup is not timed, only `run()`.
struct LuaQueueModel {
  var customers = BenchmarkSize.pick(200_000, short: 10_000)

  static let source = """
    scenario { name = "mmc-lua-bench", seed = 1 }
    local customers = sim.param("customers", { default = 200000 })
    local servers = sim.resource { name = "servers", capacity = 3 }
    local arrivals, service = sim.rng("arrivals"), sim.rng("service")
    local waited = 0
    local function customer()
      local arrived = sim.now()
      servers:request()
      waited = waited + (sim.now() - arrived)
      sim.wait(service:exponential(1.0))
      servers:release()
    end
    sim.process(function()
      for _ = 1, customers do
        sim.process(customer)
        sim.wait(arrivals:exponential(1 / 2.7))
      end
    end)
    sim.objective { name = "mean-wait", check = function() return true, waited / customers end }
    """

  /// Runs the model; no results means the scenario failed (printed).
  func run() -> [BenchmarkResult] {
    guard
      let (seconds, result) = Self.timedRun(
        name: "mmc-lua", source: Self.source, params: [("customers", String(customers))])
    else { return [] }
    var outcome = BenchmarkResult(
      name: "mmc-lua", queue: "DefaultEventQueue", events: 2 * customers, wallSeconds: seconds)
    outcome.meanWait = result.objectives.first?.value
    return [outcome]
  }

  /// Sets up the scenario `source` (untimed) and times its run; nil after
  /// printing why when it fails.
  static func timedRun(name: String, source: String, params: [(String, String)]) -> (
    Double, RunResult
  )? {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-bench-\(ProcessInfo.processInfo.processIdentifier)")
    let file = folder.appendingPathComponent("\(name).lua")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      try Data(source.utf8).write(to: file)
      let scenario = try LuaScenario(
        path: file.path, options: RunOptions(params: params), sink: EventLog())
      var result: RunResult?
      let seconds = Stopwatch.seconds { result = scenario.run() }
      guard let result, result.status == .complete else {
        print("\(name): run failed: \(result?.error ?? "?")")
        return nil
      }
      return (seconds, result)
    } catch {
      print("\(name): \(error)")
      return nil
    }
  }
}

extension BenchmarkCatalog {
  /// Every benchmark: the kernel's plus those that need the Lua stack, a
  /// map or the hazard models.
  public static let full = standard.adding(
    [
      Benchmark(
        name: "mmc-lua",
        summary: "M/M/3 (rho 0.9), 200k customers, each a Lua process",
        run: { LuaQueueModel().run() }),
      LuaCallbackModel.entry,
      FloodBenchmark.entry,
      FireBenchmark.entry,
    ] + TownshipBenchmarks.all + EvacuationBenchmark.entries + CountyBenchmark.entries)
}
