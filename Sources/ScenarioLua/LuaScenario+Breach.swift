import Hazards
import LuaHost
import Scenario

/// `sim.flood.breach`: a levee or dam breach onto the flood grid, from a
/// level-pool reservoir or a river, and the handle that reads it.
///
/// The host returns an integer id; the prelude wraps it in a handle with
/// `:outflow()`, `:width()`, `:level()` and `:released()`. Each reading
/// first catches the water up to `sim.now()`.
extension LuaScenario {
  func bindBreach(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.flood.breach", "flood_breach") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(
        call,
        known: [
          "x", "y", "at", "reservoir", "river", "crest", "bottom", "mode", "width", "formation",
        ])
      let x = try self.number(call, "x")
      let y = try self.number(call, "y")
      let now = self.simulator.now.seconds
      let at = try self.numberField(call, "at", required: false) ?? now
      guard at >= now else {
        throw call.argumentError(1, "field 'at' must not be before sim.now()")
      }
      let crest = try self.number(call, "crest")
      let bottom = try self.number(call, "bottom")
      let width = try self.numberField(call, "width", required: false)
      let formation = try self.numberField(call, "formation", required: false)
      if let width, width <= 0 { throw call.argumentError(1, "field 'width' must be > 0") }
      if let formation, formation < 0 {
        throw call.argumentError(1, "field 'formation' must be >= 0")
      }
      let modeName = call.field(1, "mode") { call.string(at: $0) } ?? "overtopping"
      guard let mode = FroehlichBreach.Mode(rawValue: modeName) else {
        throw call.argumentError(1, "field 'mode' must be \"overtopping\" or \"piping\"")
      }
      let water = try self.breachWater(call, now: now)
      let flood = try self.requireFlood(call)
      do {
        try flood.addBreach(
          x: x, y: y, at: at, water: water, crest: crest, bottom: bottom, mode: mode,
          width: width, formation: formation)
      } catch {
        throw self.hazardError(call, error)
      }
      call.push(integer: Int64(flood.solver.breaches.count))
      return 1
    }
    bind("breach:outflow", "flood_breach_outflow") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let (flood, breach) = try self.breachHandle(call)
      call.push(number: flood.outflow(of: breach, at: self.simulator.now.seconds))
      return 1
    }
    bind("breach:width", "flood_breach_width") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let (flood, breach) = try self.breachHandle(call)
      call.push(number: breach.width(at: self.simulator.now.seconds - flood.origin))
      return 1
    }
    bind("breach:level", "flood_breach_level") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let (flood, breach) = try self.breachHandle(call)
      call.push(number: breach.upstreamLevel(at: self.simulator.now.seconds - flood.origin))
      return 1
    }
    bind("breach:released", "flood_breach_released") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let (_, breach) = try self.breachHandle(call)
      call.push(number: breach.released)
      return 1
    }
  }

  /// The breach whose id is argument 1, with the water caught up to now.
  private func breachHandle(_ call: LuaCall) throws(LuaCallError) -> (FloodModel, FloodBreach) {
    let id = try call.checkInteger(1)
    guard let flood, let breach = flood.breach(Int(id) - 1) else {
      throw call.argumentError(1, "no breach with id \(id)")
    }
    catchUpFlood(on: call)
    return (flood, breach)
  }

  /// The `reservoir` or `river` table of a `sim.flood.breach` call.
  private func breachWater(_ call: LuaCall, now: Double) throws(LuaCallError) -> BreachWater {
    let reservoir = call.field(1, "reservoir") { call.value(at: $0, depth: 4) }
    let river = call.field(1, "river") { call.value(at: $0, depth: 4) }
    switch (reservoir, river) {
    case (.table, .nil):
      try known(call, reservoir, "reservoir", ["volume", "level", "area", "inflow"])
      guard let level = try scalar(call, reservoir, "reservoir.level") else {
        throw call.argumentError(1, "field 'reservoir.level' (number) expected")
      }
      let volume = try scalar(call, reservoir, "reservoir.volume")
      if let volume, volume <= 0 {
        throw call.argumentError(1, "field 'reservoir.volume' must be > 0")
      }
      let storage = try self.storage(call, reservoir)
      let inflow = try series(call, reservoir, "reservoir.inflow", now: now)
      if let inflow, inflow.contains(where: { $0.1 < 0 }) {
        throw call.argumentError(1, "field 'reservoir.inflow' must not be negative")
      }
      return .reservoir(level: level, volume: volume, storage: storage, inflow: inflow)
    case (.nil, .table):
      try known(call, river, "river", ["level", "volume"])
      guard let stage = try series(call, river, "river.level", now: now) else {
        throw call.argumentError(1, "field 'river.level' (number or {{t, z}, ...}) expected")
      }
      let volume = try scalar(call, river, "river.volume")
      return .river(stage: stage, volume: volume)
    default:
      throw call.argumentError(1, "give exactly one of the tables 'reservoir' and 'river'")
    }
  }

  /// `reservoir.area`: a constant (m2) or `{ {level, area}, ... }`; nil
  /// when absent.
  private func storage(_ call: LuaCall, _ reservoir: LuaValue) throws(LuaCallError)
    -> FloodStorage?
  {
    let path = "reservoir.area"
    do {
      if case .table = entry(reservoir, path) {
        guard let points = try series(call, reservoir, path, now: 0) else { return nil }
        return try FloodStorage(points.map { (level: $0.0, area: $0.1) })
      }
      guard let area = try scalar(call, reservoir, path) else { return nil }
      return try FloodStorage(area: area)
    } catch let error as LuaCallError {
      throw error
    } catch {
      throw hazardError(call, error)
    }
  }

  /// Refuses keys of a nested table other than `names`.
  private func known(_ call: LuaCall, _ table: LuaValue, _ name: String, _ names: [String])
    throws(LuaCallError)
  {
    guard case .table(let entries) = table else { return }
    for entry in entries {
      guard case .string(let key) = entry.key, names.contains(key) else {
        throw call.argumentError(
          1, "unknown field in '\(name)' (known: \(names.joined(separator: ", ")))")
      }
    }
  }

  /// The value under the last part of `path` in `table`.
  private func entry(_ table: LuaValue, _ path: String) -> LuaValue {
    guard case .table(let entries) = table else { return .nil }
    let key = String(path.split(separator: ".").last ?? "")
    return entries.first { $0.key == .string(key) }?.value ?? .nil
  }

  /// A finite number field of a nested table, nil when absent.
  private func scalar(_ call: LuaCall, _ table: LuaValue, _ path: String)
    throws(LuaCallError) -> Double?
  {
    switch entry(table, path) {
    case .nil: return nil
    case .integer(let i): return Double(i)
    case .number(let d) where d.isFinite: return d
    default: throw call.argumentError(1, "field '\(path)' must be a finite number")
    }
  }

  /// A number (one point at `now`) or a `{ {a, b}, ... }` list with
  /// non-decreasing first members; nil when absent.
  private func series(_ call: LuaCall, _ table: LuaValue, _ path: String, now: Double)
    throws(LuaCallError) -> [(Double, Double)]?
  {
    let value = entry(table, path)
    if case .nil = value { return nil }
    if case .table = value {
    } else if let single = try scalar(call, table, path) {
      return [(now, single)]
    }
    let problem = "field '\(path)' must be a number or a list of {a, b} pairs"
    guard let list = value.arrayElements, !list.isEmpty else {
      throw call.argumentError(1, problem)
    }
    var points: [(Double, Double)] = []
    for (k, element) in list.enumerated() {
      guard let pair = element.arrayElements, pair.count == 2,
        let a = finite(pair[0]), let b = finite(pair[1])
      else { throw call.argumentError(1, problem + " (entry \(k + 1) is not)") }
      if let last = points.last, a < last.0 {
        throw call.argumentError(1, "field '\(path)' entry \(k + 1): must not decrease")
      }
      points.append((a, b))
    }
    return points
  }

  private func finite(_ value: LuaValue) -> Double? {
    switch value {
    case .integer(let i): Double(i)
    case .number(let d): d.isFinite ? d : nil
    default: nil
    }
  }
}
