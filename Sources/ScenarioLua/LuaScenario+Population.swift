import Evacuation
import LuaHost
import Scenario

/// `sim.population`: how the run's household roster is drawn from the
/// map's zones, set before the roster exists.
///
/// The roster is drawn at the first `sim.evacuate`, `sim.warn`,
/// `sim.warning.*` or `sim.evacuation`/`sim.shelter` call; the options
/// must come before it (sweeps vary them as parameters).
extension LuaScenario {
  static var populationShares: [(String, WritableKeyPath<PopulationOptions, Double>)] {
    [
      ("vehicle_share", \.vehicleShare), ("second_vehicle_share", \.secondVehicleShare),
      ("visitor_vehicle_share", \.visitorVehicleShare),
      ("elderly_alone_assistance_share", \.elderlyAloneAssistanceShare),
      ("household_size", \.defaultHouseholdSize), ("scatter_radius", \.scatterRadius),
    ]
  }

  func bindPopulation(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.population", "population") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(
        call,
        known: LuaScenario.populationShares.map(\.0) + LuaScenario.placePersons.map(\.0) + [
          "compliance", "extra", "group_shares", "school_in_session", "walk_speed",
        ])
      guard self.evacuation == nil else {
        throw LuaCallError(
          "\(call.name): the roster is already drawn; call it before sim.evacuate and sim.warn")
      }
      var options = self.population
      for (key, path) in LuaScenario.populationShares {
        if let value = try self.numberField(call, key, required: false) {
          options[keyPath: path] = value
        }
      }
      switch call.field(1, "compliance", { call.value(at: $0, depth: 2) }) {
      case .nil: break
      case .integer(let i): options.compliance = PerGroup(Double(i))
      case .number(let d): options.compliance = PerGroup(d)
      case .table(let entries):
        for entry in entries.sorted(by: { a, _ in a.key == .string("default") }) {
          guard case .string(let name) = entry.key, let share = Self.number(entry.value) else {
            throw call.argumentError(1, "field 'compliance': { <group> = share, ... } expected")
          }
          if name == "default" {
            options.compliance = PerGroup(share)
          } else if let group = PopulationGroup(name: name) {
            options.compliance[group] = share
          } else {
            throw call.argumentError(1, "field 'compliance': unknown group '\(name)'")
          }
        }
      default: throw call.argumentError(1, "field 'compliance': a share or { <group> = share }")
      }
      try self.readWalkSpeeds(call, into: &options)
      if let extra = try self.extraPersons(call) { options.extra = extra }
      try self.readPlaces(call, into: &options)
      do throws(EvacuationError) {
        try options.validate()
      } catch {
        throw call.argumentError(1, error.description)
      }
      self.population = options
      return 0
    }
  }

  /// Persons per school, clinic and lodging of the map (`FacilityGroups`).
  static var placePersons: [(String, WritableKeyPath<PopulationOptions, Int>)] {
    [
      ("school_persons", \.schoolPersons), ("clinic_persons", \.clinicPersons),
      ("lodging_guests", \.lodgingGuests),
    ]
  }

  /// Fields `group_shares`, `school_persons`, `school_in_session`,
  /// `clinic_persons` and `lodging_guests`: the groups derived where the
  /// map gives none.
  func readPlaces(_ call: LuaCall, into options: inout PopulationOptions) throws(LuaCallError) {
    for (key, path) in LuaScenario.placePersons {
      guard let value = try self.numberField(call, key, required: false) else { continue }
      guard value >= 0, value <= Double(Int32.max), value == value.rounded() else {
        throw call.argumentError(1, "field '\(key)' must be a whole number >= 0")
      }
      options[keyPath: path] = Int(value)
    }
    switch call.field(1, "school_in_session", { call.value(at: $0, depth: 1) }) {
    case .nil: break
    case .boolean(let b): options.schoolInSession = b
    default: throw call.argumentError(1, "field 'school_in_session' must be a boolean")
    }
    let shares = call.field(1, "group_shares") { call.value(at: $0, depth: 2) }
    guard case .table(let entries) = shares else {
      guard shares == .nil else {
        throw call.argumentError(1, "field 'group_shares': { <group> = share, ... } expected")
      }
      return
    }
    var table = PerGroup(0.0)
    for entry in entries {
      guard case .string(let name) = entry.key, let share = Self.number(entry.value) else {
        throw call.argumentError(1, "field 'group_shares': { <group> = share, ... } expected")
      }
      guard let group = PopulationGroup(name: name) else {
        throw call.argumentError(1, "field 'group_shares': unknown group '\(name)'")
      }
      table[group] = share
    }
    options.groupShares = table
  }

  /// Field `walk_speed`: `{ <group> = m/s, ... }`, each listed group's
  /// walking speed (the others keep theirs; `false` lifts a group's cap,
  /// so its members walk at the zone's speed).
  func readWalkSpeeds(_ call: LuaCall, into options: inout PopulationOptions) throws(LuaCallError) {
    let shape = "field 'walk_speed': { <group> = speed in m/s > 0 | false, ... } expected"
    let value = call.field(1, "walk_speed") { call.value(at: $0, depth: 2) }
    guard case .table(let entries) = value else {
      guard value == .nil else { throw call.argumentError(1, shape) }
      return
    }
    for entry in entries {
      guard case .string(let name) = entry.key else { throw call.argumentError(1, shape) }
      guard let group = PopulationGroup(name: name) else {
        throw call.argumentError(1, "field 'walk_speed': unknown group '\(name)'")
      }
      if entry.value == .boolean(false) {
        options.walkSpeed[group] = nil
      } else if let speed = Self.number(entry.value), speed > 0, speed.isFinite {
        options.walkSpeed[group] = speed
      } else {
        throw call.argumentError(1, shape)
      }
    }
  }

  /// Field `extra`: a list of `{ zone = id, group = name, persons = n }`,
  /// persons present on top of the map's population; nil if absent.
  func extraPersons(_ call: LuaCall) throws(LuaCallError) -> [ExtraPersons]? {
    let value = call.field(1, "extra") { call.value(at: $0, depth: 3) }
    guard value != .nil else { return nil }
    let shape = "field 'extra' must be a list of { zone = id, group = name, persons = n }"
    guard let elements = value.arrayElements else { throw call.argumentError(1, shape) }
    var list: [ExtraPersons] = []
    for (index, element) in elements.enumerated() {
      guard case .table(let entries) = element else { throw call.argumentError(1, shape) }
      func field(_ key: String) -> LuaValue {
        entries.first { $0.key == .string(key) }?.value ?? .nil
      }
      for entry in entries
      where ![.string("zone"), .string("group"), .string("persons")].contains(entry.key) {
        throw call.argumentError(1, "field 'extra[\(index + 1)]': unknown field; \(shape)")
      }
      guard case .string(let zone) = field("zone"), case .string(let name) = field("group"),
        case .integer(let persons) = field("persons")
      else { throw call.argumentError(1, "field 'extra[\(index + 1)]': \(shape)") }
      guard let group = PopulationGroup(name: name) else {
        throw call.argumentError(1, "field 'extra[\(index + 1)]': unknown group '\(name)'")
      }
      guard persons >= 0, persons <= Int64(Int32.max) else {
        throw call.argumentError(
          1, "field 'extra[\(index + 1)]': persons must be a whole number >= 0")
      }
      guard try self.requireMap().township.zones.contains(where: { $0.id == zone }) else {
        throw call.argumentError(1, "field 'extra[\(index + 1)]': no zone '\(zone)' on the map")
      }
      list.append(ExtraPersons(zone: zone, group: group, persons: Int(persons)))
    }
    return list
  }
}
