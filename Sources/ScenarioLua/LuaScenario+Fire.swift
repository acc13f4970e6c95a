import Hazards
import LuaHost
import Scenario

/// `sim.fire`: Rothermel surface fire on the header's `fuel` raster, with
/// slope from `terrain` when there is one.
///
/// Arrival times are computed lazily up to `sim.now()` by whichever query
/// asks (the minimum-travel-time search settles cells in arrival order, so
/// this is exact); the run's end settles up to the end for the
/// `fire.burned_area_m2` metric. No per-cell events are scheduled, which
/// keeps events.jsonl small: `fire.ignited` is logged per ignition.
extension LuaScenario {
  func bindFire(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.fire.moisture", "fire_moisture") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let keys = ["d1", "d10", "d100", "herb", "wood"]
      try self.optionTable(call, known: keys)
      let fire = try self.requireFire(call)
      var values: [Double] = []
      let defaults = FireModel.defaultMoisture
      let fallback = [
        defaults.dead1h, defaults.dead10h, defaults.dead100h, defaults.liveHerbaceous,
        defaults.liveWoody,
      ]
      for (key, value) in zip(keys, fallback) {
        let given = try self.numberField(call, key, required: false) ?? value
        guard given > 0, given <= 5 else {
          throw call.argumentError(1, "field '\(key)' must be a moisture fraction in (0, 5]")
        }
        values.append(given)
      }
      do {
        try fire.setMoisture(
          FuelMoisture(
            dead1h: values[0], dead10h: values[1], dead100h: values[2],
            liveHerbaceous: values[3], liveWoody: values[4]))
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
    bind("sim.fire.wind", "fire_wind") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["speed", "from"])
      let speed = try self.number(call, "speed")
      guard speed >= 0 else { throw call.argumentError(1, "field 'speed' must be >= 0 m/s") }
      let from = try self.numberField(call, "from", required: false) ?? 0
      let fire = try self.requireFire(call)
      do {
        try fire.setWind(
          speed: speed,
          from: (from.truncatingRemainder(dividingBy: 360) + 360)
            .truncatingRemainder(dividingBy: 360))
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
    bind("sim.fire.ignite", "fire_ignite") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["x", "y"])
      let x = try self.number(call, "x")
      let y = try self.number(call, "y")
      let fire = try self.requireFire(call)
      guard fire.cell(x: x, y: y) != nil else {
        throw call.argumentError(1, "point (\(x), \(y)) is outside the fuel raster")
      }
      do {
        try fire.ignite(x: x, y: y, at: self.simulator.now.seconds)
      } catch {
        throw self.hazardError(call, error)
      }
      self.sink.record(
        at: self.simulator.now, kind: "fire.ignited",
        fields: [("x", .number(x)), ("y", .number(y))])
      self.watchFire()
      return 0
    }
    bind("sim.fire.arrival_at", "fire_arrival_at") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let x = try call.checkNumber(1)
      let y = try call.checkNumber(2)
      let fire = try self.requireFire(call)
      guard let time = fire.arrival(x: x, y: y, now: self.simulator.now.seconds) else {
        call.pushNil()
        return 1
      }
      call.push(number: time)
      return 1
    }
    bind("sim.fire.burned_area", "fire_burned_area") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let fire = try self.requireFire(call)
      call.push(number: fire.burnedArea(now: self.simulator.now.seconds))
      return 1
    }
  }

  /// The run's fire landscape, built on first use from the header's rasters.
  func requireFire(_ call: LuaCall) throws(LuaCallError) -> FireModel {
    if let fire { return fire }
    guard let fuel = rasters["fuel"] else {
      throw LuaCallError("this scenario has no fuel: name one with scenario{ fuel = ... }")
    }
    do {
      let made = try FireModel(fuel: fuel, terrain: rasters["terrain"])
      fire = made
      return made
    } catch {
      throw hazardError(call, error)
    }
  }

  /// The hazards' end-of-run metrics: `flood.volume_m3`,
  /// `flood.max_depth_m`, `flood.steps` (the solver's steps, what a flood
  /// costs) and `fire.burned_area_m2`.
  func recordHazardMetrics(into metrics: inout MetricSeries) {
    let now = simulator.now
    if let flood {
      flood.advance(to: now.seconds)
      metrics.record("flood.volume_m3", flood.volume, at: now)
      metrics.record("flood.max_depth_m", flood.maxDepth, at: now)
      metrics.record("flood.steps", Double(flood.solver.steps), at: now)
    }
    if let fire {
      metrics.record("fire.burned_area_m2", fire.burnedArea(now: now.seconds), at: now)
    }
  }
}
