import LuaHost
import Scenario
import Township

/// `sim.map`: queries on the township and link closures.
extension LuaScenario {
  func bindMap(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.map.info", "map_info") { [unowned(unsafe) self] call throws(LuaCallError) in
      let township = try self.requireMap().township
      call.push(
        .table(
          LuaScenario.entries([
            ("nodes", .integer(Int64(township.nodes.count))),
            ("links", .integer(Int64(township.links.count))),
            ("zones", .integer(Int64(township.zones.count))),
            ("facilities", .integer(Int64(township.facilities.count))),
            ("road_length_m", .number(township.roadLength)),
            ("population", .integer(Int64(township.population))),
            ("shelter_capacity", .integer(Int64(township.shelterCapacity))),
          ])))
      return 1
    }
    bind("sim.map.zones", "map_zones") { [unowned(unsafe) self] call throws(LuaCallError) in
      let township = try self.requireMap().township
      call.push(
        .table(
          LuaScenario.list(
            township.zones.map { zone in
              var fields: [(String, LuaValue)] = [
                ("id", .string(zone.id)), ("node", .string(township.nodes[zone.node].id)),
                ("x", .number(zone.position.x)), ("y", .number(zone.position.y)),
                ("population", .integer(Int64(zone.population))),
                ("households", .integer(Int64(zone.households))),
                ("walk_speed", .number(zone.walkSpeed)),
              ]
              if let grid = zone.grid { fields.append(("grid", .string(grid))) }
              if let name = zone.name { fields.append(("name", .string(name))) }
              return .table(LuaScenario.entries(fields))
            })))
      return 1
    }
    bind("sim.map.facilities", "map_facilities") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let township = try self.requireMap().township
      let kind = call.isNil(at: 1) ? nil : try call.checkString(1)
      call.push(
        .table(
          LuaScenario.list(
            township.facilities.filter { kind == nil || $0.kind.rawValue == kind }.map { f in
              var fields: [(String, LuaValue)] = [
                ("id", .string(f.id)), ("kind", .string(f.kind.rawValue)),
                ("node", .string(township.nodes[f.node].id)),
                ("x", .number(f.position.x)), ("y", .number(f.position.y)),
                ("opens_at", .number(f.opensAt)),
              ]
              if let capacity = f.capacity {
                fields.append(("capacity", .integer(Int64(capacity))))
              }
              if let name = f.name { fields.append(("name", .string(name))) }
              return .table(LuaScenario.entries(fields))
            })))
      return 1
    }
    bind("sim.map.route", "map_route") { [unowned(unsafe) self] call throws(LuaCallError) in
      guard let route = try self.route(call) else {
        call.pushNil()
        call.push(string: "unreachable")
        return 2
      }
      call.push(
        .table(
          LuaScenario.entries([
            ("seconds", .number(route.seconds)), ("metres", .number(route.metres)),
            ("links", .table(LuaScenario.list(route.links.map { .string($0) }))),
          ])))
      return 1
    }
    bind("sim.map.travel_time", "map_travel_time") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      guard let route = try self.route(call) else {
        call.pushNil()
        return 1
      }
      call.push(number: route.seconds)
      return 1
    }
    bind("sim.map.close_link", "map_close_link") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.setLink(call, closed: true)
    }
    bind("sim.map.open_link", "map_open_link") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.setLink(call, closed: false)
    }
    bind("sim.map.is_closed", "map_is_closed") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try call.checkString(1)
      guard let closed = try self.requireMap().isClosed(link: id) else {
        throw call.argumentError(1, "no link '\(id)' on the map")
      }
      call.push(boolean: closed)
      return 1
    }
    bind("sim.map.links_near", "map_links_near") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let map = try self.requireMap()
      let radius = try call.checkNumber(3)
      guard radius >= 0 else { throw call.argumentError(3, "non-negative radius expected") }
      let ids = map.links(
        nearX: try call.checkNumber(1), y: try call.checkNumber(2), radius: radius)
      call.push(.table(LuaScenario.list(ids.map { .string($0) })))
      return 1
    }
    bind("sim.map.elevation", "map_elevation") { [unowned(unsafe) self] call throws(LuaCallError) in
      guard let terrain = self.rasters["terrain"] else {
        throw LuaCallError("this scenario has no terrain: name one with scenario{ terrain = ... }")
      }
      let point = MapPoint(x: try call.checkNumber(1), y: try call.checkNumber(2))
      guard let z = terrain.sample(at: point) else {
        call.pushNil()
        return 1
      }
      call.push(number: z)
      return 1
    }
    bind("sim.map.nearest_node", "map_nearest_node") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let map = try self.requireMap()
      guard let id = map.nearestNode(x: try call.checkNumber(1), y: try call.checkNumber(2)) else {
        call.pushNil()
        return 1
      }
      call.push(string: id)
      return 1
    }
  }

  func requireMap() throws(LuaCallError) -> LiveMap {
    guard let map else {
      throw LuaCallError("this scenario has no map: declare one with scenario{ map = ... }")
    }
    return map
  }

  /// `(from, to [, {mode = "walk"|"drive", speed = m/s}])` → the route.
  func route(_ call: LuaCall) throws(LuaCallError) -> LiveMap.Route? {
    let map = try requireMap()
    let source: Int
    let target: Int
    do {
      source = try map.node(of: try call.checkString(1))
      target = try map.node(of: try call.checkString(2))
    } catch let error as ScenarioError {
      throw LuaCallError("\(call.name): \(error.message)")
    } catch let error as LuaCallError {
      throw error
    } catch {
      throw LuaCallError("\(call.name): \(error)")
    }
    var mode = LiveMap.Mode.walk(speed: Zone.defaultWalkSpeed)
    if call.type(at: 3) == .table {
      let name = call.field(3, "mode") { call.string(at: $0) } ?? "walk"
      switch name {
      case "drive": mode = .drive
      case "walk":
        let speed = call.field(3, "speed") { call.number(at: $0) } ?? Zone.defaultWalkSpeed
        guard speed > 0, speed.isFinite else {
          throw call.argumentError(3, "speed must be positive")
        }
        mode = .walk(speed: speed)
      default: throw call.argumentError(3, "mode must be \"walk\" or \"drive\", got \"\(name)\"")
      }
    } else if !call.isNil(at: 3) {
      throw call.argumentError(3, "options table {mode=, speed=} expected")
    }
    return map.route(from: source, to: target, mode: mode)
  }

  func setLink(_ call: LuaCall, closed: Bool) throws(LuaCallError) -> Int32 {
    let map = try requireMap()
    let id = try call.checkString(1)
    let known = closed ? map.close(link: id) : map.open(link: id)
    guard known else { throw call.argumentError(1, "no link '\(id)' on the map") }
    sink.record(
      at: simulator.now, kind: closed ? "link.closed" : "link.opened",
      fields: [("link", .string(id))])
    return 0
  }

  static func entries(_ fields: [(String, LuaValue)]) -> [LuaTableEntry] {
    fields.map { LuaTableEntry(key: .string($0.0), value: $0.1) }
  }

  static func list(_ values: [LuaValue]) -> [LuaTableEntry] {
    values.enumerated().map {
      LuaTableEntry(key: .integer(Int64($0.offset + 1)), value: $0.element)
    }
  }
}
