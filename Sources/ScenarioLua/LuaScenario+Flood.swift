import LuaHost
import Scenario
import SimKernel

/// `sim.flood`: the flood solver on the header's terrain, advanced inside
/// the event loop and coupled to the map's links.
///
/// The solver is built at the first `sim.flood` call. From then on a kernel
/// event every `sim.flood.step` seconds (60 by default) advances it to the
/// event's time and closes or reopens links; queries (`depth_at`,
/// `volume`) first catch the water up to `sim.now()`, so what a script
/// reads never lags the clock. Without a scenario duration the flood keeps
/// the run going only while other events are pending.
extension LuaScenario {
  /// Seconds between flood advances unless `sim.flood.step` says otherwise.
  static let defaultFloodStep = 60.0

  func bindFlood(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.flood.fill", "flood_fill") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["level"])
      let level = try self.number(call, "level")
      let flood = try self.requireFlood(call)
      flood.fill(level: level)
      self.floodLinks(on: call)
      return 0
    }
    bind("sim.flood.rain", "flood_rain") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["mm_per_h", "from", "to"])
      let rate = try self.number(call, "mm_per_h")
      guard rate >= 0 else { throw call.argumentError(1, "field 'mm_per_h' must be >= 0") }
      let now = self.simulator.now.seconds
      let from = try self.numberField(call, "from", required: false) ?? now
      let to = try self.numberField(call, "to", required: false) ?? .infinity
      guard from >= now else {
        throw call.argumentError(1, "field 'from' must not be before sim.now()")
      }
      guard to > from else { throw call.argumentError(1, "field 'to' must be after 'from'") }
      let flood = try self.requireFlood(call)
      do {
        try flood.addRain(mmPerHour: rate, from: from, to: to)
      } catch {
        throw self.hazardError(call, error)
      }
      self.groundRain(mmPerHour: rate, from: from, to: to)
      return 0
    }
    bind("sim.flood.inflow", "flood_inflow") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["x", "y", "m3_per_s"])
      let x = try self.number(call, "x")
      let y = try self.number(call, "y")
      let points = try self.hydrograph(call)
      let flood = try self.requireFlood(call)
      guard flood.solver.grid.cell(atX: x, y: y) != nil else {
        throw call.argumentError(1, "point (\(x), \(y)) is outside the terrain")
      }
      do {
        try flood.addInflow(x: x, y: y, points: points)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
    bind("sim.flood.depth_at", "flood_depth_at") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let x = try call.checkNumber(1)
      let y = try call.checkNumber(2)
      let flood = try self.requireFlood(call)
      self.catchUpFlood(on: call)
      guard let depth = flood.depth(x: x, y: y) else {
        call.pushNil()
        return 1
      }
      call.push(number: depth)
      return 1
    }
    bind("sim.flood.volume", "flood_volume") { [unowned(unsafe) self] call throws(LuaCallError) in
      let flood = try self.requireFlood(call)
      self.catchUpFlood(on: call)
      call.push(number: flood.volume)
      return 1
    }
    bind("sim.flood.step", "flood_step") { [unowned(unsafe) self] call throws(LuaCallError) in
      let seconds = try call.checkNumber(1)
      guard seconds >= 1, seconds.isFinite else {
        throw call.argumentError(1, "interval of at least 1 second expected")
      }
      self.floodStep = seconds
      return 0
    }
  }

  /// The run's flood, built on first use from the header's terrain.
  func requireFlood(_ call: LuaCall) throws(LuaCallError) -> FloodModel {
    if let flood { return flood }
    guard let terrain = rasters["terrain"] else {
      throw LuaCallError("this scenario has no terrain: name one with scenario{ terrain = ... }")
    }
    let made: FloodModel
    do {
      made = try FloodModel(
        terrain: terrain, roughness: rasters["roughness"], at: simulator.now.seconds)
    } catch {
      throw hazardError(call, error)
    }
    if let map { made.couple(to: map) }
    if let depth = options.floodArrivalDepth { made.trackArrivals(deeperThan: depth) }
    flood = made
    scheduleFloodTick()
    return made
  }

  /// Schedules the next flood advance, `floodStep` seconds on.
  func scheduleFloodTick() {
    guard let delay = SimTime(seconds: floodStep) else { return }
    simulator.schedule(after: delay) { [unowned(unsafe) self] in
      guard self.failure == nil else { return }
      self.catchUpFlood(on: self.lua.stack)
      self.evacuation?.sampleExposure(upTo: self.simulator.now)
      // A flood alone must not keep a run without a duration going forever.
      if self.spec.duration != nil || self.simulator.nextEventTime != nil {
        self.scheduleFloodTick()
      }
    }
  }

  /// Advances the water to now and updates the links.
  func catchUpFlood(on stack: LuaCall) {
    guard let flood else { return }
    flood.advance(to: simulator.now.seconds)
    floodLinks(on: stack)
  }

  /// Closes and reopens links for the water as it stands, logging each
  /// change and starting `flood.link_closed` handlers; then fires the
  /// events of zones, shelters and supplying facilities the water reached.
  func floodLinks(on stack: LuaCall) {
    guard let flood else { return }
    for change in flood.updateLinks() {
      let fields: [(String, LuaValue)] = [
        ("link", .string(change.link)), ("depth", .number(change.depth)),
        ("dv", .number(change.discharge)), ("closed", .string(change.closedModes)),
      ]
      sink.record(
        at: simulator.now, kind: change.isClosing ? "link.flooded" : "link.reopened",
        fields: fields.map { ($0.0, LuaScenario.plain($0.1)) })
      guard change.isClosing else { continue }
      emitFromHost("flood.link_closed", fields, on: stack)
    }
    floodSites(flood.updateSites(), on: stack)
    raiseTrapped()
  }
}
