import LuaHost
import Scenario
import SimKernel
import Township

/// `sim.evacuate`, `sim.evacuation` and `sim.shelter`: ordering zones out,
/// following them and closing threatened shelters.
///
/// The evacuation model is built at the first of these calls, on the
/// scenario's map; from then on every link closure (`sim.map.close_link`,
/// the flood) reaches the households on the way. Notable events
/// (`evacuation.order`, `shelter.full`, `shelter.closed`,
/// `evacuation.settled`) go to events.jsonl and start `sim.on` handlers.
extension LuaScenario {
  static let evacuateFields = [
    "zones", "to", "mode", "premovement", "car_share", "shadow_share", "return_share",
    "return_after", "return_dwell", "return_stay_share",
  ]

  func bindEvacuation(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.evacuate", "evacuate") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: LuaScenario.evacuateFields)
      let model = try self.requireEvacuation()
      var order = try self.evacuationOrder(call, model)
      for (key, path) in [
        ("car_share", \EvacuationOrder.carShare), ("shadow_share", \.shadowShare),
        ("return_share", \.returnShare), ("return_stay_share", \.returnStayShare),
      ] {
        guard let share = try self.numberField(call, key, required: false) else { continue }
        guard share >= 0, share <= 1 else {
          throw call.argumentError(1, "field '\(key)' must be in [0, 1]")
        }
        order[keyPath: path] = share
      }
      order.returnAfter = try self.premovement(call, field: "return_after")
      order.returnDwell = try self.premovement(call, field: "return_dwell")
      let made: (households: Int, persons: Int)
      do {
        made = try model.evacuate(order)
      } catch {
        throw self.hazardError(call, error)
      }
      call.push(
        .table(
          LuaScenario.entries([
            ("households", .integer(Int64(made.households))),
            ("persons", .integer(Int64(made.persons))),
          ])))
      return 1
    }
    bind("sim.evacuation.status", "evacuation_status") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireEvacuation()
      var zone: Int?
      if !call.isNil(at: 1) {
        do {
          zone = try model.zone(try call.checkString(1))
        } catch let error as ScenarioError {
          throw call.argumentError(1, error.message)
        } catch {
          throw call.argumentError(1, "\(error)")
        }
      }
      let times = model.network.clearance(group: zone.map { z in { $0 == z } })
      var fields: [(String, LuaValue)] = [
        ("persons", .integer(Int64(times.persons))), ("safe", .integer(Int64(times.safe))),
        ("sheltered_in_place", .integer(Int64(times.inPlace))),
        ("en_route", .integer(Int64(times.persons - times.safe - times.inPlace))),
      ]
      if let t = times.t50 { fields.append(("t50", .number(t))) }
      if let t = times.t90 { fields.append(("t90", .number(t))) }
      if let t = times.t100 { fields.append(("t100", .number(t))) }
      call.push(.table(LuaScenario.entries(fields)))
      return 1
    }
    bind("sim.evacuation.all_clear", "evacuation_all_clear") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["zones"])
      let model = try self.requireEvacuation()
      let zones = try self.evacuationOrder(call, model).zones
      let made = model.allClear(zones: zones)
      call.push(
        .table(
          LuaScenario.entries([
            ("households", .integer(Int64(made.households))),
            ("persons", .integer(Int64(made.persons))),
          ])))
      return 1
    }
    bind("sim.shelter.close", "shelter_close") { [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireEvacuation()
      let s = try self.shelterIndex(call, model)
      model.closeShelter(s)
      return 0
    }
    bind("sim.shelter.status", "shelter_status") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireEvacuation()
      let s = try self.shelterIndex(call, model)
      let shelters = model.network.shelters
      var fields: [(String, LuaValue)] = [
        ("occupancy", .integer(Int64(shelters.occupancy[s]))),
        ("queued", .integer(Int64(shelters.queued[s]))),
        ("peak", .integer(Int64(shelters.peak[s]))), ("open", .boolean(shelters.isOpen[s])),
        ("full", .boolean(shelters.isFull[s])), ("closed", .boolean(shelters.isClosed[s])),
      ]
      if let capacity = shelters.capacities[s] {
        fields.append(("capacity", .integer(Int64(capacity))))
      }
      call.push(.table(LuaScenario.entries(fields)))
      return 1
    }
  }

  /// The run's evacuation model, built on first use: the roster, the
  /// outage board behind the warning channels and the hazards behind
  /// exposure.
  func requireEvacuation() throws(LuaCallError) -> EvacuationModel {
    if let evacuation { return evacuation }
    let map = try requireMap()
    let model: EvacuationModel
    do {
      model = try EvacuationModel(
        map: map, simulator: simulator, streams: streams, population: population)
    } catch {
      throw LuaCallError(error.description)
    }
    model.infrastructure = OutageInfrastructure(zoneIDs: map.township.zones.map(\.id)) {
      [unowned(unsafe) self] in self.outages
    }
    model.hazard = { [unowned(unsafe) self] point, time in self.isHazardous(point, at: time) }
    // Events are emitted from the event loop, never inside another call:
    // handlers start on the main thread's stack.
    model.onEvent = { [unowned(unsafe) self] kind, fields in
      self.simulator.schedule(after: .zero) { [unowned(unsafe) self] in
        guard self.failure == nil else { return }
        self.emitFromHost(
          kind, fields.map { ($0.key, LuaScenario.scalar($0.value)) }, on: self.lua.stack)
      }
    }
    evacuation = model
    return model
  }

  /// Whether people at `point` are in danger at `time`: flood water deeper
  /// than the walking threshold, or the fire arrived.
  func isHazardous(_ point: MapPoint, at time: SimTime) -> Bool {
    if let flood, let depth = flood.depth(x: point.x, y: point.y),
      depth > flood.thresholds.walkDepth
    {
      return true
    }
    return fire?.arrival(x: point.x, y: point.y, now: time.seconds) != nil
  }

  /// A scalar event field as a Lua value (evacuation events carry no tables).
  static func scalar(_ value: Value) -> LuaValue {
    switch value {
    case .integer(let i): return .integer(i)
    case .number(let d): return .number(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .boolean(b)
    case .null, .array, .object: return .nil
    }
  }

  /// Argument 1 as a shelter id.
  func shelterIndex(_ call: LuaCall, _ model: EvacuationModel) throws(LuaCallError) -> Int {
    let id = try call.checkString(1)
    do {
      return try model.shelter(id)
    } catch {
      throw call.argumentError(1, error.message)
    }
  }

  /// The order an `sim.evacuate{...}` table describes.
  func evacuationOrder(_ call: LuaCall, _ model: EvacuationModel) throws(LuaCallError)
    -> EvacuationOrder
  {
    let zonesValue = call.field(1, "zones") { call.value(at: $0, depth: 2) }
    var zones: [Int] = []
    if case .string("all") = zonesValue {
      zones = Array(model.network.township.zones.indices)
    } else if let list = try stringList(call, "zones", zonesValue, required: true) {
      for id in list {
        do {
          zones.append(try model.zone(id))
        } catch {
          throw call.argumentError(1, "field 'zones': \(error.message)")
        }
      }
    }
    var shelters: [Int] = []
    let toValue = call.field(1, "to") { call.value(at: $0, depth: 2) }
    for id in try stringList(call, "to", toValue, required: false) ?? [] {
      do {
        shelters.append(try model.shelter(id))
      } catch {
        throw call.argumentError(1, "field 'to': \(error.message)")
      }
    }
    let modeName = call.field(1, "mode") { call.string(at: $0) } ?? "auto"
    guard let mode = EvacuationOrder.Mode(rawValue: modeName) else {
      throw call.argumentError(1, "field 'mode' must be \"walk\", \"drive\" or \"auto\"")
    }
    return EvacuationOrder(
      zones: zones, shelters: shelters, mode: mode, premovement: try premovement(call))
  }

  /// A list of ids: a string or a list of strings.
  func stringList(_ call: LuaCall, _ key: String, _ value: LuaValue, required: Bool)
    throws(LuaCallError) -> [String]?
  {
    switch value {
    case .nil:
      guard !required else {
        throw call.argumentError(1, "field '\(key)' (a list of ids or \"all\") expected")
      }
      return nil
    case .string(let id): return [id]
    default:
      guard let elements = value.arrayElements else {
        throw call.argumentError(1, "field '\(key)' must be a list of ids")
      }
      var ids: [String] = []
      for element in elements {
        guard case .string(let id) = element else {
          throw call.argumentError(1, "field '\(key)' must be a list of ids")
        }
        ids.append(id)
      }
      return ids
    }
  }
}
