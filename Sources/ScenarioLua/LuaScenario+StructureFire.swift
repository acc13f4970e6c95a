import Hazards
import LuaHost
import Response
import Scenario
import SimKernel

/// `sim.fire.structure{...}`: a building on fire, which raises a
/// `structure_fire` incident.
///
/// The compartment grows as a t-squared fire (hazards.md §8); its
/// flashover time (Thomas) is logged with the incident, and a first team
/// arriving at or after it counts the room as lost (`fire.structure.lost`).
/// The incident is the alarm: it is raised when the call is made, so a
/// script that wants a detection delay calls it later (`sim.at`).
extension LuaScenario {
  static let structureFields = [
    "id", "at", "growth", "door_area", "door_height", "internal_area", "persons", "work",
    "priority",
  ]

  func bindStructureFire(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.fire.structure", "fire_structure") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: LuaScenario.structureFields)
      let response = try self.requireResponse(call)
      guard let place = try self.stringField(call, "at", required: true) else {
        throw call.argumentError(1, "field 'at' expected")
      }
      let node = try self.placeNode(call, place)
      let room = try self.structureFire(call)
      let persons = try self.numberField(call, "persons", required: false) ?? 1
      let priority = try self.numberField(call, "priority", required: false)
      if let priority, priority < 1 || priority.rounded() != priority {
        throw call.argumentError(1, "field 'priority' must be a whole number >= 1")
      }
      let id =
        try self.stringField(call, "id") ?? "structure-fire-\(response.centre.incidents.count + 1)"
      let incident = Incident(
        id: id, kind: .structureFire, node: node, priority: priority.map { Int($0) },
        work: try self.workDuration(call), persons: max(0, Int(persons)), source: "fire")
      let flashover = room.flashoverTime(.thomas)
      var fields: [(key: String, value: Value)] = [("id", .string(id)), ("node", .string(place))]
      if let flashover { fields.append(("flashover_s", .number(flashover))) }
      self.sink.record(at: self.simulator.now, kind: "fire.structure", fields: fields)
      _ = try self.modelCall(call) {
        try response.reportStructureFire(
          incident, flashover: flashover.flatMap { SimTime(seconds: $0) })
      }
      call.push(string: id)
      return 1
    }
  }

  /// The compartment of `sim.fire.structure`: growth class (`slow`,
  /// `medium`, `fast`, `ultra_fast`; default medium), door area (m²,
  /// default 1.8) and height (m, 2.0), internal surface area (m², 70.2:
  /// the 4 x 4 x 2.5 m room of hazards.md §8), ignited now.
  func structureFire(_ call: LuaCall) throws(LuaCallError) -> StructureFire {
    let classes: [(String, StructureFire.GrowthClass)] = [
      ("slow", .slow), ("medium", .medium), ("fast", .fast), ("ultra_fast", .ultraFast),
    ]
    let name = try stringField(call, "growth") ?? "medium"
    guard let growth = classes.first(where: { $0.0 == name })?.1 else {
      throw call.argumentError(
        1, "field 'growth' must be \"slow\", \"medium\", \"fast\" or \"ultra_fast\"")
    }
    let area = try numberField(call, "door_area", required: false) ?? 1.8
    let height = try numberField(call, "door_height", required: false) ?? 2.0
    let inside = try numberField(call, "internal_area", required: false) ?? 70.2
    guard area > 0, height > 0, inside >= 0 else {
      throw call.argumentError(1, "door_area and door_height must be > 0, internal_area >= 0")
    }
    return StructureFire(
      growth: growth, openingArea: area, openingHeight: height, internalArea: inside,
      ignitionTime: simulator.now.seconds)
  }
}
