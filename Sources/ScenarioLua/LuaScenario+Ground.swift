import Hazards
import LuaHost
import Scenario

/// `sim.ground`: slopes that fail as debris flows or landslides when the
/// rain crosses their intensity-duration threshold, and cut roads.
///
/// Whenever a slope is marked or rain is added, the first crossing of
/// every slope still standing is worked out from the whole rain record
/// (exact, see `RainfallRecord`) and a wake is scheduled there; earlier
/// wakes go stale. At the crossing `ground.debris_flow` (or
/// `ground.landslide`) starts with `{slope, class, intensity, hours}`, and
/// the slope's links are cut as a road outage for its duration.
extension LuaScenario {
  func bindGround(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.ground.slope", "ground_slope") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["id", "links", "class", "a", "b", "kind", "duration"])
      guard let id = call.field(1, "id", { call.string(at: $0) }), !id.isEmpty else {
        throw call.argumentError(1, "field 'id' (string) expected")
      }
      let kind = call.field(1, "kind") { call.string(at: $0) } ?? "debris_flow"
      guard kind == "debris_flow" || kind == "landslide" else {
        throw call.argumentError(1, "field 'kind' must be 'debris_flow' or 'landslide'")
      }
      let className = call.field(1, "class") { call.string(at: $0) } ?? "moderate"
      guard let classThreshold = RainfallThreshold.slopeClass(className) else {
        throw call.argumentError(1, "field 'class' must be 'moderate' or 'steep'")
      }
      let a = try self.numberField(call, "a", required: false)
      let b = try self.numberField(call, "b", required: false)
      let threshold: RainfallThreshold
      do {
        threshold = try RainfallThreshold(a: a ?? classThreshold.a, b: b ?? classThreshold.b)
      } catch {
        throw self.hazardError(call, error)
      }
      let closure = try self.numberField(call, "duration", required: false)
      if let closure, !(closure > 0) {
        throw call.argumentError(1, "field 'duration' must be > 0 seconds")
      }
      let links = try self.stringList(call, "links") ?? []
      if !links.isEmpty {
        let board = try self.requireOutages(call)
        do throws(ScenarioError) {
          try board.check(.road, targets: links)
        } catch {
          throw call.argumentError(1, error.message)
        }
      }
      do throws(ScenarioError) {
        try self.ground.add(
          GroundModel.Slope(
            id: id, kind: kind, slopeClass: a == nil && b == nil ? className : "custom",
            threshold: threshold, links: links, closure: closure ?? GroundModel.defaultClosure))
      } catch {
        throw call.argumentError(1, error.message)
      }
      self.scheduleGroundWakes()
      return 0
    }
    bind("sim.ground.rain", "ground_rain") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["mm_per_h", "from", "to"])
      let rate = try self.number(call, "mm_per_h")
      let now = self.simulator.now.seconds
      let from = try self.numberField(call, "from", required: false) ?? now
      let to = try self.numberField(call, "to", required: false) ?? .infinity
      guard from >= now else {
        throw call.argumentError(1, "field 'from' must not be before sim.now()")
      }
      do {
        try self.ground.rain.add(mmPerHour: rate, from: from, to: to)
      } catch {
        throw self.hazardError(call, error)
      }
      self.scheduleGroundWakes()
      return 0
    }
  }

  /// Rain the flood gets falls on the slopes too.
  func groundRain(mmPerHour: Double, from: Double, to: Double) {
    guard (try? ground.rain.add(mmPerHour: mmPerHour, from: from, to: to)) != nil else { return }
    scheduleGroundWakes()
  }

  /// Schedules a wake at each standing slope's first crossing (now, if it
  /// is already past); wakes scheduled before go stale.
  func scheduleGroundWakes() {
    groundWake += 1
    let generation = groundWake
    let now = simulator.now.seconds
    let horizon = spec.duration.map { max($0.seconds, now) } ?? now + 30 * 86400
    for crossing in ground.crossings(until: horizon) {
      at(LuaScenario.wakeTime(max(crossing.time, now))) { [unowned(unsafe) self] in
        guard generation == self.groundWake else { return }
        self.failSlope(crossing.slope, intensity: crossing.intensity, hours: crossing.hours)
      }
    }
  }

  /// A slope fails: its event, and its links cut for its closure time.
  func failSlope(_ index: Int, intensity: Double, hours: Double) {
    guard !ground.failed[index] else { return }
    ground.markFailed(index)
    let slope = ground.slopes[index]
    emitFromHost(
      "ground.\(slope.kind)",
      [
        ("slope", .string(slope.id)), ("class", .string(slope.slopeClass)),
        ("intensity", .number(intensity)), ("hours", .number(hours)),
      ], on: lua.stack)
    guard !slope.links.isEmpty, let board = hazardOutages() else { return }
    let (token, changes) = board.cut(
      .road, targets: slope.links, cause: "\(slope.kind):\(slope.id)",
      at: simulator.now.seconds)
    announce(changes)
    at(simulator.now.seconds + slope.closure) { [unowned(unsafe) self] in
      self.announce(board.lift(token: token, at: self.simulator.now.seconds))
    }
  }
}
