/// Lua callback overhead: a Lua function the host calls on a timer.
///
/// `sim.every(1, fn)` runs `fn` as a new process each simulated second, so
/// each event is one callback: a process started on a parked coroutine,
/// resumed once, its body a counter increment, retired. The figure bounds
/// how many `sim.every`, `sim.on` and `sim.after` callbacks a scenario can
/// afford. The scenario's setup is not timed, only `run()`.
struct LuaCallbackModel {
  var calls = BenchmarkSize.pick(500_000, short: 20_000)

  static let source = """
    scenario { name = "lua-callbacks-bench", seed = 1 }
    local calls = sim.param("calls", { default = 500000 })
    local n = 0
    sim.every(1, function()
      n = n + 1
      if n == calls then sim.stop("done") end
    end)
    sim.objective { name = "calls", check = function() return true, n end }
    """

  /// Runs the model; no results means the scenario failed (printed).
  func run() -> [BenchmarkResult] {
    guard
      let (seconds, result) = LuaQueueModel.timedRun(
        name: "lua-callbacks", source: Self.source, params: [("calls", String(calls))])
    else { return [] }
    guard result.objectives.first?.value == Double(calls) else {
      print("lua-callbacks: \(result.objectives.first?.value ?? 0) calls, expected \(calls)")
      return []
    }
    return [
      BenchmarkResult(
        name: "lua-callbacks", queue: "DefaultEventQueue", events: calls, wallSeconds: seconds)
    ]
  }

  /// The catalog entry.
  static let entry = Benchmark(
    name: "lua-callbacks",
    summary: "Lua callbacks: sim.every(1, fn), 500k calls, each a process on a parked coroutine",
    run: { LuaCallbackModel().run() })
}
