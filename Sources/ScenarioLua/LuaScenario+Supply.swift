import Logistics
import LuaHost
import Scenario
import SimKernel

/// `sim.supply.*`: depots, shelters, deliveries and agreement reserves on
/// the run's map.
///
/// The model is built once the setup has run when the map has stations,
/// depots or shelters (LuaScenario+Coupling), else at the first
/// `sim.supply` call, with the map's depots (one truck each) and shelters,
/// whose headcounts follow the evacuation's admissions. Everything it does
/// is logged and started as a `sim.on` event (`supply.low_stock`,
/// `supply.ran_out`, `supply.departed`, `supply.arrived`, `supply.blocked`,
/// `supply.rerouted`, `supply.turned_back`, `supply.reserve_arrived`).
extension LuaScenario {
  /// The Lua half of the supply API, spliced into the prelude.
  static let supplyPrelude = """
    sim.supply = {
      stock = H.supply_stock, add = H.supply_add, deliver = H.supply_deliver,
      occupancy = H.supply_occupancy, vehicle = H.supply_vehicle, reserve = H.supply_reserve,
      call_off = H.supply_call_off, depot = H.supply_depot, shelter = H.supply_shelter,
    }
    function sim.supply.on_low_stock(site, item, level, fn)
      check_function("sim.supply.on_low_stock", 4, fn)
      H.supply_low_stock(site, item, level)
      sim.on("supply.low_stock", function(e)
        if e.site == site and e.item == item then return fn(e) end
      end)
    end

    """

  func bindSupply(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.supply.stock", "supply_stock") { [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      let site = try self.site(call, 1, network)
      call.push(number: network.stock(of: try self.item(call, 2), at: site))
      return 1
    }
    bind("sim.supply.add", "supply_add") { [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      let site = try self.site(call, 1, network)
      let item = try self.item(call, 2)
      let amount = try call.checkNumber(3)
      let change = try self.modelCall(call) { try network.add(amount, of: item, at: site) }
      call.push(number: change)
      return 1
    }
    bind("sim.supply.occupancy", "supply_occupancy") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      let site = try self.site(call, 1, network)
      let people = try call.checkInteger(2)
      try self.modelCall(call) { try network.setOccupancy(Int(people), at: site) }
      return 0
    }
    bind("sim.supply.on_low_stock", "supply_low_stock") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      let site = try self.site(call, 1, network)
      let item = try self.item(call, 2)
      let level = try call.checkNumber(3)
      try self.modelCall(call) { try network.setLowStockThreshold(level, of: item, at: site) }
      return 0
    }
    bind("sim.supply.deliver", "supply_deliver") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      try self.optionTable(call, known: ["item", "amount", "from", "to", "vehicle"])
      let item = try self.itemNamed(call, try self.stringField(call, "item", required: true))
      let amount = try self.number(call, "amount")
      let from = try self.siteNamed(
        call, try self.stringField(call, "from", required: true), network)
      let to = try self.siteNamed(call, try self.stringField(call, "to", required: true), network)
      var vehicle: Int?
      if let id = try self.stringField(call, "vehicle") {
        guard let index = network.vehicle(id) else {
          throw call.argumentError(1, "no vehicle '\(id)'")
        }
        vehicle = index
      }
      let delivery = try self.modelCall(call) {
        try network.deliver(amount, of: item, from: from, to: to, vehicle: vehicle)
      }
      call.push(integer: Int64(delivery + 1))
      return 1
    }
    bindSupplyDeclarations(bind)
  }

  func bindSupplyDeclarations(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.supply.depot", "supply_depot") { [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      try self.optionTable(call, known: ["id", "at"])
      let id = try self.stringField(call, "id", required: true) ?? ""
      let node = try self.placeNode(call, try self.stringField(call, "at") ?? id)
      try self.modelCall(call) { try network.addDepot(id: id, node: node) }
      return 0
    }
    bind("sim.supply.shelter", "supply_shelter") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      try self.optionTable(call, known: ["id", "at", "use"])
      let id = try self.stringField(call, "id", required: true) ?? ""
      let node = try self.placeNode(call, try self.stringField(call, "at") ?? id)
      var rates = ConsumptionRate.shelterDefaults
      let use = call.field(1, "use") { call.value(at: $0) }
      if case .table(let entries) = use {
        rates = []
        for entry in entries {
          guard case .string(let name) = entry.key, let item = SupplyItem(rawValue: name),
            let rate = entry.value.numeric
          else {
            throw call.argumentError(
              1, "field 'use' maps item names to amounts per person per hour")
          }
          rates.append(ConsumptionRate(item, perPersonPerHour: rate))
        }
      } else if use != .nil {
        throw call.argumentError(1, "field 'use' must be a table like { water = 0.125 }")
      }
      try self.modelCall(call) { try network.addShelter(id: id, node: node, consumption: rates) }
      return 0
    }
    bind("sim.supply.vehicle", "supply_vehicle") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      try self.optionTable(call, known: ["id", "depot", "capacity"])
      let id = try self.stringField(call, "id", required: true) ?? ""
      let depot = try self.siteNamed(
        call, try self.stringField(call, "depot", required: true), network)
      let capacity = try self.number(call, "capacity")
      try self.modelCall(call) { try network.addVehicle(id: id, depot: depot, capacity: capacity) }
      return 0
    }
    bind("sim.supply.reserve", "supply_reserve") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      try self.optionTable(call, known: ["id", "supplier", "item", "amount", "lead_time", "depot"])
      let id = try self.stringField(call, "id", required: true) ?? ""
      let item = try self.itemNamed(call, try self.stringField(call, "item", required: true))
      let depot = try self.siteNamed(
        call, try self.stringField(call, "depot", required: true), network)
      let lead = try self.number(call, "lead_time")
      guard lead >= 0, let leadTime = SimTime(seconds: lead) else {
        throw call.argumentError(1, "field 'lead_time' must be >= 0 seconds")
      }
      let amount = try self.number(call, "amount")
      let supplier = try self.stringField(call, "supplier") ?? id
      try self.modelCall(call) {
        try network.addReserve(
          id: id, supplier: supplier, item: item, amount: amount, leadTime: leadTime,
          depot: depot)
      }
      return 0
    }
    bind("sim.supply.call_off", "supply_call_off") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let network = try self.requireSupply(call).network
      let id = try call.checkString(1)
      guard let reserve = network.reserve(id) else {
        throw call.argumentError(1, "no reserve '\(id)'")
      }
      try self.modelCall(call) { try network.callOff(reserve: reserve) }
      return 0
    }
  }

  /// The supply model, built now if it was not yet.
  func requireSupply(_ call: LuaCall) throws(LuaCallError) -> SupplyModel {
    if let supply { return supply }
    let map = try requireMap()
    let model = try modelCall(call) { try makeSupply(on: map) }
    supply = model
    return model
  }

  /// Logs a supply event and starts its `sim.on` handlers.
  func announce(_ event: SupplyEvent) {
    guard let network = supply?.network else { return }
    let stack = lua.stack
    func delivery(_ d: Int) -> [(String, LuaValue)] {
      let order = network.deliveries[d]
      return [
        ("delivery", .integer(Int64(d + 1))), ("item", .string(order.item.rawValue)),
        ("amount", .number(order.loaded)), ("from", .string(network.sites[order.from].id)),
        ("to", .string(network.sites[order.to].id)),
      ]
    }
    switch event {
    case .lowStock(let site, let item):
      emitFromHost(
        "supply.low_stock",
        [
          ("site", .string(network.sites[site].id)), ("item", .string(item.rawValue)),
          ("level", .number(network.stock(of: item, at: site))),
        ], on: stack)
    case .ranOut(let site, let item):
      emitFromHost(
        "supply.ran_out",
        [("site", .string(network.sites[site].id)), ("item", .string(item.rawValue))], on: stack)
    case .departed(let d): emitFromHost("supply.departed", delivery(d), on: stack)
    case .arrived(let d): emitFromHost("supply.arrived", delivery(d), on: stack)
    case .blocked(let d): emitFromHost("supply.blocked", delivery(d), on: stack)
    case .rerouted(let d, let arrival):
      emitFromHost(
        "supply.rerouted", delivery(d) + [("arrival", .number(arrival.seconds))], on: stack)
    case .turnedBack(let d, let arrival):
      var fields = delivery(d) + [("reason", .string(network.deliveries[d].failure ?? ""))]
      if let arrival { fields.append(("arrival", .number(arrival.seconds))) }
      emitFromHost("supply.turned_back", fields, on: stack)
    case .reserveArrived(let r):
      let reserve = network.reserves[r]
      emitFromHost(
        "supply.reserve_arrived",
        [
          ("reserve", .string(reserve.id)), ("item", .string(reserve.item.rawValue)),
          ("amount", .number(reserve.amount)), ("depot", .string(network.sites[reserve.depot].id)),
        ], on: stack)
    }
  }

  func site(_ call: LuaCall, _ index: Int32, _ network: SupplyNetwork) throws(LuaCallError) -> Int {
    let id = try call.checkString(index)
    guard let site = network.site(id) else {
      throw call.argumentError(index, "no depot or shelter '\(id)'")
    }
    return site
  }

  func siteNamed(_ call: LuaCall, _ id: String?, _ network: SupplyNetwork) throws(LuaCallError)
    -> Int
  {
    guard let id, let site = network.site(id) else {
      throw call.argumentError(1, "no depot or shelter '\(id ?? "")'")
    }
    return site
  }

  func item(_ call: LuaCall, _ index: Int32) throws(LuaCallError) -> SupplyItem {
    let name = try call.checkString(index)
    guard let item = SupplyItem(rawValue: name) else {
      throw call.argumentError(index, "unknown item '\(name)' (known: \(LuaScenario.itemNames))")
    }
    return item
  }

  func itemNamed(_ call: LuaCall, _ name: String?) throws(LuaCallError) -> SupplyItem {
    guard let name, let item = SupplyItem(rawValue: name) else {
      throw call.argumentError(
        1, "unknown item '\(name ?? "")' (known: \(LuaScenario.itemNames))")
    }
    return item
  }

  static let itemNames = SupplyItem.allCases.map(\.rawValue).joined(separator: ", ")
}
