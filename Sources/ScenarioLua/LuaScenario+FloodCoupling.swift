import Hazards
import LuaHost
import Scenario

/// `sim.flood.thresholds` and `sim.flood.speed_at`: the rules by which
/// water closes links and reaches places, and the events it starts there.
///
/// A zone whose node gets wet starts `zone.wet`, a flooded shelter
/// `shelter.flooded` (both logged and passed to `sim.on`, with the
/// depth); a substation or base station over its depth cuts the power or
/// network of the zones it supplies (`outage.start`, cause
/// `flood:<facility>`).
extension LuaScenario {
  func bindFloodCoupling(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.flood.thresholds", "flood_thresholds") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let depths: [(String, WritableKeyPath<FloodThresholds, Double>)] = [
        ("car_depth", \.carDepth), ("car_dv", \.carDischarge), ("walk_depth", \.walkDepth),
        ("zone_depth", \.zoneDepth), ("shelter_depth", \.shelterDepth),
        ("facility_depth", \.facilityDepth), ("trapped_depth", \.trappedDepth),
      ]
      try self.optionTable(
        call, known: depths.map(\.0) + ["walk_hazard_rating", "land_use"])
      let flood = try self.requireFlood(call)
      var limits = flood.thresholds
      for (key, path) in depths {
        guard let value = try self.numberField(call, key, required: false) else { continue }
        guard value >= 0 else { throw call.argumentError(1, "field '\(key)' must be >= 0") }
        limits[keyPath: path] = value
      }
      switch call.field(1, "walk_hazard_rating", { call.value(at: $0, depth: 1) }) {
      case .nil: break
      case .string(let name):
        guard let bound = FloodHazardRating.classes.first(where: { $0.name == name }) else {
          throw call.argumentError(
            1, "field 'walk_hazard_rating' must be a number or 'moderate', 'significant', 'extreme'"
          )
        }
        limits.walkHazardRating = bound.from
      case .boolean(false): limits.walkHazardRating = nil
      default:
        guard let value = try self.numberField(call, "walk_hazard_rating"), value >= 0 else {
          throw call.argumentError(1, "field 'walk_hazard_rating' must be >= 0")
        }
        limits.walkHazardRating = value
      }
      if let name = call.field(1, "land_use", { call.string(at: $0) }) {
        guard let use = FloodHazardRating.LandUse(rawValue: name) else {
          throw call.argumentError(1, "field 'land_use' must be 'pasture', 'woodland' or 'urban'")
        }
        limits.hazardRating = FloodHazardRating(landUse: use)
      }
      flood.thresholds = limits
      self.floodLinks(on: call)
      return 0
    }
    bind("sim.flood.speed_at", "flood_speed_at") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let x = try call.checkNumber(1)
      let y = try call.checkNumber(2)
      let flood = try self.requireFlood(call)
      self.catchUpFlood(on: call)
      guard let speed = flood.speed(x: x, y: y) else {
        call.pushNil()
        return 1
      }
      call.push(number: speed)
      return 1
    }
  }

  /// Starts the events of places the water just reached.
  func floodSites(_ events: [FloodCoupling.SiteEvent], on stack: LuaCall) {
    for event in events {
      switch event.site.kind {
      case .zone:
        emitFromHost(
          "zone.wet", [("zone", .string(event.site.id)), ("depth", .number(event.depth))],
          on: stack)
      case .shelter:
        emitFromHost(
          "shelter.flooded",
          [("facility", .string(event.site.id)), ("depth", .number(event.depth))], on: stack)
      case .supplier:
        guard let board = hazardOutages() else { continue }
        announce(
          board.knockOut(facility: event.site.id, by: "flood", at: simulator.now.seconds))
      }
    }
  }

  /// The outage board for hazard-driven cuts (made over the map on first
  /// use; nil without a map).
  func hazardOutages() -> OutageBoard? {
    if let outages { return outages }
    guard let map else { return nil }
    let board = OutageBoard(map: map)
    outages = board
    return board
  }

  /// A scalar Lua value as an output value (tables and functions as null).
  static func plain(_ value: LuaValue) -> Value {
    switch value {
    case .string(let s): .string(s)
    case .number(let d): .number(d)
    case .integer(let i): .integer(i)
    case .boolean(let b): .bool(b)
    default: .null
    }
  }
}
