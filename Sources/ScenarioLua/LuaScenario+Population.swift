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
      try self.optionTable(call, known: LuaScenario.populationShares.map(\.0) + ["compliance"])
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
      do throws(EvacuationError) {
        try options.validate()
      } catch {
        throw call.argumentError(1, error.description)
      }
      self.population = options
      return 0
    }
  }
}
