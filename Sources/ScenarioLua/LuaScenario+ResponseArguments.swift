import LuaHost
import Response
import Scenario

/// Reading `sim.team{}`, `sim.request_reinforcement{}` and `sim.incident{}`.
extension LuaScenario {
  static let teamFields = [
    "id", "kind", "station", "at", "size", "skills", "vehicle", "call_out", "off_duty_call_out",
    "shifts",
  ]

  /// A team from the option table at 1; `defaultKind` nil makes `kind`
  /// required.
  func teamSpec(_ call: LuaCall, defaultKind: TeamKind?, extra: [String] = []) throws(LuaCallError)
    -> TeamSpec
  {
    try optionTable(call, known: LuaScenario.teamFields + extra)
    let kindName = try stringField(call, "kind", required: defaultKind == nil)
    var kind = defaultKind ?? .fireRescue
    if let kindName {
      guard let named = TeamKind(rawValue: kindName) else {
        let known = TeamKind.allCases.map(\.rawValue).joined(separator: ", ")
        throw call.argumentError(1, "unknown team kind '\(kindName)' (known: \(known))")
      }
      kind = named
    }
    let id = try stringField(call, "id") ?? "\(kind.rawValue)-\(response?.centre.teams.count ?? 0)"
    let station = try stringField(call, "station")
    let at = try stringField(call, "at")
    guard let place = station ?? at else {
      throw call.argumentError(1, "field 'station' (a node, zone or facility id) expected")
    }
    var conveyance: Conveyance?
    if let name = try stringField(call, "vehicle") {
      guard let named = Conveyance(rawValue: name) else {
        throw call.argumentError(1, "field 'vehicle' must be \"car\", \"boat\" or \"foot\"")
      }
      conveyance = named
    }
    let size = try numberField(call, "size", required: false)
    if let size, size < 1 || size.rounded() != size {
      throw call.argumentError(1, "field 'size' must be a whole number >= 1")
    }
    return TeamSpec(
      id: id, kind: kind, station: try placeNode(call, place), size: size.map { Int($0) },
      skills: try stringListField(call, "skills").map(Set.init), conveyance: conveyance,
      roster: try roster(call), onDutyCallOut: try numberField(call, "call_out", required: false),
      offDutyCallOut: try numberField(call, "off_duty_call_out", required: false))
  }

  /// `shifts = { {from = s, to = s}, ... }`, seconds after local midnight.
  func roster(_ call: LuaCall) throws(LuaCallError) -> DutyRoster {
    let value = call.field(1, "shifts") { call.value(at: $0) }
    if value == .nil { return .always }
    guard let items = value.arrayElements else {
      throw call.argumentError(1, "field 'shifts' must be a list of {from = s, to = s}")
    }
    var shifts: [(start: Double, end: Double)] = []
    for item in items {
      guard case .table(let entries) = item,
        let from = entries.first(where: { $0.key == .string("from") })?.value.numeric,
        let to = entries.first(where: { $0.key == .string("to") })?.value.numeric
      else { throw call.argumentError(1, "each shift needs numbers 'from' and 'to'") }
      shifts.append((from, to))
    }
    return DutyRoster(shifts: shifts)
  }

  /// An incident from the option table at 1.
  func incidentSpec(_ call: LuaCall, number: Int) throws(LuaCallError) -> Incident {
    try optionTable(
      call, known: ["id", "kind", "at", "priority", "skills", "work", "persons", "source"])
    let kindName = try stringField(call, "kind") ?? "other"
    guard let kind = IncidentKind(rawValue: kindName) else {
      let known = IncidentKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw call.argumentError(1, "unknown incident kind '\(kindName)' (known: \(known))")
    }
    guard let place = try stringField(call, "at", required: true) else {
      throw call.argumentError(1, "field 'at' expected")
    }
    let priority = try numberField(call, "priority", required: false)
    if let priority, priority < 1 || priority.rounded() != priority {
      throw call.argumentError(1, "field 'priority' must be a whole number >= 1")
    }
    let persons = try numberField(call, "persons", required: false) ?? 1
    return Incident(
      id: try stringField(call, "id") ?? "incident-\(number)", kind: kind,
      node: try placeNode(call, place), priority: priority.map { Int($0) },
      requiredSkills: try stringListField(call, "skills"), work: try workDuration(call),
      persons: max(0, Int(persons)), source: try stringField(call, "source") ?? "inject")
  }

  /// `work = seconds` or `{ dist = "exponential", mean = s }`,
  /// `{ dist = "lognormal", mu = .., sigma = .. }`, `{ dist = "uniform", min =, max = }`.
  func workDuration(_ call: LuaCall) throws(LuaCallError) -> WorkDuration {
    let value = call.field(1, "work") { call.value(at: $0) }
    if value == .nil { return .fixed(1_800) }
    if let seconds = value.numeric {
      guard seconds >= 0, seconds.isFinite else {
        throw call.argumentError(1, "field 'work' must be >= 0 seconds")
      }
      return .fixed(seconds)
    }
    guard case .table(let entries) = value else {
      throw call.argumentError(1, "field 'work' must be seconds or a {dist = ...} table")
    }
    func number(_ key: String) -> Double? {
      entries.first { $0.key == .string(key) }?.value.numeric
    }
    let dist = entries.first { $0.key == .string("dist") }?.value
    switch dist {
    case .string("exponential"):
      if let mean = number("mean"), mean > 0 { return .exponential(mean: mean) }
    case .string("lognormal"):
      if let mu = number("mu"), let sigma = number("sigma"), sigma >= 0 {
        return .lognormal(mu: mu, sigma: sigma)
      }
    case .string("uniform"):
      if let a = number("min"), let b = number("max"), b >= a, a >= 0 { return .uniform(a, b) }
    default: break
    }
    throw call.argumentError(
      1,
      "field 'work' needs dist = \"exponential\" (mean), \"lognormal\" (mu, sigma)"
        + " or \"uniform\" (min, max)")
  }
}

extension LuaValue {
  /// The value as a number, when it is one.
  var numeric: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .number(let d): return d
    default: return nil
    }
  }
}
