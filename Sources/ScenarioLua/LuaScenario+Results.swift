import LuaHost
import Scenario
import SimKernel

/// Rating objectives and assembling what summary.json reports.
extension LuaScenario {
  /// Rates objective `index`: a built-in kind by its measured time
  /// (`ObjectiveRating`), a custom one by its check, which returns
  /// `pass[, value[, rating]]`.
  func rate(_ index: Int) {
    guard objectives[index].result == nil, failure == nil else { return }
    let objective = objectives[index]
    guard let check = objective.check else {
      guard let builtIn = objective.builtIn else { return }
      let value = measure(builtIn.kind)
      let rating = ObjectiveRating(value: value, target: builtIn.within)
      record(
        ObjectiveResult(
          name: objective.name, target: objective.target, value: value, rating: rating.rating,
          pass: rating.pass), at: index)
      return
    }
    let stack = lua.stack
    lua.push(check, onto: stack)
    do {
      try lua.call(on: stack, arguments: 0, results: 3)
    } catch {
      fail(error)
      return
    }
    defer { stack.pop(3) }
    guard stack.type(at: -3) == .boolean else {
      fail(
        LuaError(
          kind: .runtime,
          message: "objective '\(objective.name)': check must return pass (a boolean),"
            + " then optionally a value and a rating, got \(stack.type(at: -3).name)"))
      return
    }
    let pass = stack.boolean(at: -3)
    let value = stack.number(at: -2)
    var rating = pass ? "P" : "U"
    if let given = stack.string(at: -1) {
      guard ["P", "S", "M", "U"].contains(given) else {
        fail(
          LuaError(
            kind: .runtime,
            message: "objective '\(objective.name)': rating must be P, S, M or U, got '\(given)'"))
        return
      }
      rating = given
    }
    record(
      ObjectiveResult(
        name: objective.name, target: objective.target, value: value, rating: rating, pass: pass),
      at: index)
  }

  /// Keeps objective `index`'s result and logs it.
  func record(_ result: ObjectiveResult, at index: Int) {
    objectives[index].result = result
    var fields: [(key: String, value: Value)] = [
      ("name", .string(result.name)), ("pass", .bool(result.pass)),
      ("rating", .string(result.rating)),
    ]
    if let value = result.value { fields.append(("value", .number(value))) }
    sink.record(at: simulator.now, kind: "objective", fields: fields)
  }

  /// Rates every objective not rated yet (no deadline, or one after the end).
  func evaluateRemainingObjectives() {
    for index in objectives.indices where objectives[index].result == nil {
      rate(index)
    }
  }

  /// The run's report, from the world's state at the end.
  func result() -> RunResult {
    var result = RunResult(scenario: spec.name, seed: effectiveSeed)
    result.params = parameters.map { ($0.spec.name, $0.value) }.sorted { $0.0 < $1.0 }
    if let failure {
      result.status = failure.isLimit ? .limit : .failed
      result.error = failure.description
    }
    result.stopReason = stopReason
    result.simEnd = simulator.now
    result.events = simulator.eventsProcessed
    var all = metrics
    let now = simulator.now
    all.record("run.processes", Double(processes.started), at: now)
    recordHazardMetrics(into: &all)
    for (name, value) in outages?.metrics(at: now.seconds) ?? [] {
      all.record(name, value, at: now)
    }
    recordResponseMetrics(into: &all)
    recordInjectMetrics(into: &all)
    for resource in resources {
      let prefix = "resource.\(LuaScenario.metricWord(resource.name))"
      all.record("\(prefix).utilisation", resource.utilisation(at: now), at: now)
      all.record("\(prefix).queue_mean", resource.queueLength.mean(at: now), at: now)
      all.record("\(prefix).queue_max", resource.queueLength.max, at: now)
      all.record("\(prefix).wait_mean_s", resource.waits.mean, at: now)
      all.record("\(prefix).wait_max_s", resource.waits.count > 0 ? resource.waits.max : 0, at: now)
      all.record("\(prefix).requests", Double(resource.waits.count), at: now)
    }
    for container in containers {
      let prefix = "container.\(LuaScenario.metricWord(container.name))"
      all.record("\(prefix).level_mean", container.levelHistory.mean(at: now), at: now)
      all.record("\(prefix).level_end", container.level, at: now)
    }
    for store in stores {
      let prefix = "store.\(LuaScenario.metricWord(store.name))"
      all.record("\(prefix).items_mean", store.occupancy.mean(at: now), at: now)
      all.record("\(prefix).wait_mean_s", store.getWaits.mean, at: now)
    }
    result.metrics = all.summary
    result.objectives = objectives.compactMap(\.result)
    return result
  }

  /// The run's flood, if the scenario made one (for hazard maps).
  public var floodModel: FloodModel? { flood }

  /// The run's fire landscape, if the scenario made one (for hazard maps).
  public var fireModel: FireModel? { fire }

  /// The metric series the script reported (for a CSV beside the summary).
  public var metricSeries: MetricSeries { metrics }

  /// A name made safe for a dotted metric name.
  static func metricWord(_ name: String) -> String {
    String(
      name.map { c -> Character in
        c.isLetter && c.isASCII || c.isNumber && c.isASCII || c == "_" || c == "-" ? c : "_"
      })
  }
}

extension LuaScenario {
  /// The declared parameters, in declaration order.
  public var parameterSpecs: [ParameterSpec] { parameters.map(\.spec) }
}

extension LuaScenario {
  /// The map's zones as metric words (the `<zone>` of
  /// `evacuation.<zone>.t90_s`) with their names (the id when the map
  /// gives none), sorted by metric word; empty without a map.
  ///
  /// Metric names carry ids made safe for dotted names; a sweep keeps
  /// these pairs so its report can label zones as the map names them.
  public var zoneLabels: [(metricWord: String, name: String)] {
    guard let map else { return [] }
    return map.township.zones.map { (Self.metricWord($0.id), $0.name ?? $0.id) }
      .sorted { ($0.metricWord, $0.name) < ($1.metricWord, $1.name) }
  }
}
