import LuaHost
import Response
import Scenario
import SimKernel

/// An objective waiting for its deadline: a check function of the script,
/// or a built-in kind the run measures itself.
struct PendingObjective {
  let name: String
  let target: String
  let deadline: SimTime?
  let check: LuaRef?
  /// The built-in kind and its time target (seconds), when `check` is nil.
  let builtIn: (kind: ObjectiveKind, within: Double)?
  var result: ObjectiveResult?
}

/// `sim.objective{}`: custom checks and the built-in kinds. Mistakes in the
/// declaration are invalid input (exit 2, with file and line).
extension LuaScenario {
  func declareObjective(_ call: LuaCall) throws(LuaCallError) -> Int32 {
    guard call.type(at: 1) == .table else {
      throw reject(
        "sim.objective expects a table {name=, target=, by=, check=} or {name=, kind=, ...}")
    }
    guard let name = call.field(1, "name", { call.string(at: $0) }), !name.isEmpty else {
      throw reject("sim.objective: field 'name' expected")
    }
    let builtIn: (kind: ObjectiveKind, within: Double)?
    if call.field(1, "kind", { call.type(at: $0) }) != .nil {
      builtIn = try builtInObjective(call, name)
    } else {
      builtIn = nil
      let allowedFields = ["name", "target", "by", "check", "kind"]
      for field in call.stringKeys(1) where !allowedFields.contains(field) {
        throw reject(
          "sim.objective '\(name)': unknown field '\(field)' (known: \(allowedFields.joined(separator: ", ")))"
        )
      }
      guard call.field(1, "check", { call.type(at: $0) }) == .function else {
        throw reject("sim.objective '\(name)': field 'check' must be a function (or give a 'kind')")
      }
    }
    var deadline: SimTime?
    if call.field(1, "by", { call.type(at: $0) }) != .nil {
      guard let by = call.field(1, "by", { call.number(at: $0) }), let time = SimTime(seconds: by),
        time >= simulator.now
      else {
        throw reject("sim.objective '\(name)': 'by' must be a time (seconds) not in the past")
      }
      deadline = time
    }
    let targetType = call.field(1, "target") { call.type(at: $0) }
    guard targetType == .nil || targetType == .string else {
      throw reject("sim.objective '\(name)': 'target' must be a string, got \(targetType.name)")
    }
    var check: LuaRef?
    if builtIn == nil {
      call.pushField(1, "check")
      check = lua.ref(from: call, at: -1)
      call.pop(1)
    }
    let generated = builtIn.map { $0.kind.target(within: $0.within) } ?? ""
    let target = call.field(1, "target") { call.string(at: $0) } ?? generated
    objectives.append(
      PendingObjective(
        name: name, target: target, deadline: deadline, check: check, builtIn: builtIn))
    let index = objectives.count - 1
    if let deadline {
      simulator.schedule(after: deadline - simulator.now, priority: .late) {
        [unowned(unsafe) self] in
        self.rate(index)
      }
    }
    return 0
  }

  /// Reads and checks the fields of a built-in objective.
  func builtInObjective(_ call: LuaCall, _ name: String) throws(LuaCallError) -> (
    kind: ObjectiveKind, within: Double
  ) {
    let what = "sim.objective '\(name)'"
    guard let kindName = call.field(1, "kind", { call.string(at: $0) }),
      ObjectiveKind.names.contains(kindName)
    else {
      throw reject(
        "\(what): unknown kind (known kinds: \(ObjectiveKind.names.joined(separator: ", ")))")
    }
    let allowed = ObjectiveKind.commonFields + ObjectiveKind.extraFields(kindName)
    for field in call.stringKeys(1) where !allowed.contains(field) {
      throw reject(
        "\(what): unknown field '\(field)' for kind '\(kindName)' (known: \(allowed.joined(separator: ", ")))"
      )
    }
    func text(_ field: String) throws(LuaCallError) -> String? {
      let type = call.field(1, field) { call.type(at: $0) }
      guard type != .nil else { return nil }
      guard type == .string, let value = call.field(1, field, { call.string(at: $0) }),
        !value.isEmpty
      else { throw reject("\(what): '\(field)' must be a non-empty string, got \(type.name)") }
      return value
    }
    var within = ObjectiveKind.defaultWithin(kindName)
    if call.field(1, "within", { call.type(at: $0) }) != .nil {
      guard let seconds = call.field(1, "within", { call.number(at: $0) }), seconds > 0,
        seconds.isFinite
      else { throw reject("\(what): 'within' must be a positive number of seconds") }
      within = seconds
    }
    guard let within else {
      throw reject("\(what): kind '\(kindName)' needs 'within' (seconds, e.g. minutes(30))")
    }
    switch kindName {
    case "zone_t100":
      guard let zone = try text("zone") else {
        throw reject("\(what): kind 'zone_t100' needs 'zone' (a zone id of the map)")
      }
      guard let map else {
        throw reject("\(what): kind 'zone_t100' needs a map (scenario{ map = ... } first)")
      }
      guard map.township.zones.contains(where: { $0.id == zone }) else {
        throw reject("\(what): the map has no zone '\(zone)'")
      }
      return (.zoneT100(zone: zone), within)
    case "grids_acknowledged": return (.gridsAcknowledged, within)
    case "first_report":
      let levelName = try text("level") ?? ReportLevel.township.rawValue
      guard let level = ReportLevel(rawValue: levelName) else {
        throw reject("\(what): 'level' must be village, township or county")
      }
      return (.firstReport(level: level, event: try text("event")), within)
    case "all_sheltered": return (.allSheltered, within)
    default: return (.basicNeeds, within)
    }
  }

  /// What a built-in objective measures now: seconds, or nil when the
  /// thing it times has not happened (yet).
  func measure(_ kind: ObjectiveKind) -> Double? {
    switch kind {
    case .zoneT100(let zone):
      guard let evacuation, let index = map?.township.zones.firstIndex(where: { $0.id == zone })
      else { return nil }
      return evacuation.network.clearance { $0 == index }.t100
    case .gridsAcknowledged:
      guard let outcome = evacuation?.warnings?.outcome else { return nil }
      var slowest: Double?
      for grid in outcome.gridIDs.indices where outcome.calledAt(grid: grid) != .never {
        guard let delay = outcome.acknowledgementDelay(grid: grid) else { return nil }
        slowest = max(slowest ?? delay, delay)
      }
      return slowest
    case .firstReport(let level, let event):
      return response?.reports.firstReportDelay(level: level, event: event, at: simulator.now)
    case .allSheltered:
      guard let evacuation, let firstOrder = evacuation.firstOrder,
        evacuation.tally.persons(.awaitingAssistance) == 0,
        evacuation.tally.persons(.awaitingWarning) == 0,
        let complete = evacuation.network.headcount.completeAt
      else { return nil }
      return complete - firstOrder.seconds
    case .basicNeeds:
      guard let sites = supply?.network.sites else { return nil }
      var worst: Double?
      for site in sites {
        guard let occupied = site.occupiedSince else { continue }
        guard let steady = site.needsSteadySince else { return nil }
        worst = max(worst ?? 0, (steady - occupied).seconds)
      }
      return worst
    }
  }
}
