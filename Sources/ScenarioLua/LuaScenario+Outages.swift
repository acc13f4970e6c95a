import Hazards
import LuaHost
import Scenario
import SimKernel

/// `sim.outage`: scripted power, network and road cuts (三断), and the
/// events every cut and restoration starts.
///
/// A cut names its targets by zone (`zones`), by link (`links`, roads
/// only) or by the facility that supplies them (`facility`: its power and
/// network zones). It applies at `at` (default now) in a kernel event of
/// its own and, with a `duration`, lifts itself; `restore` ends every cut
/// of its targets whatever made it. Each zone or link that goes without or
/// comes back starts `outage.start` or `outage.end` (logged and passed to
/// `sim.on`) with `kind`, `zone` or `link`, and `cause`.
extension LuaScenario {
  func bindOutages(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    let fields = ["kind", "zones", "links", "facility", "at", "duration"]
    bind("sim.outage.cut", "outage_cut") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: fields)
      let board = try self.requireOutages(call)
      let cuts = try self.outageTargets(call, board)
      let at = try self.outageTime(call)
      let duration = try self.numberField(call, "duration", required: false)
      if let duration, !(duration > 0) {
        throw call.argumentError(1, "field 'duration' must be > 0 seconds")
      }
      self.at(at) { [unowned(unsafe) self] in
        for (kind, targets) in cuts {
          let (token, changes) = board.cut(
            kind, targets: targets, cause: "script", at: self.simulator.now.seconds)
          self.announce(changes)
          guard let duration else { continue }
          self.at(self.simulator.now.seconds + duration) { [unowned(unsafe) self] in
            self.announce(board.lift(token: token, at: self.simulator.now.seconds))
          }
        }
      }
      return 0
    }
    bind("sim.outage.restore", "outage_restore") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["kind", "zones", "links", "facility", "at"])
      let board = try self.requireOutages(call)
      let cuts = try self.outageTargets(call, board)
      self.at(try self.outageTime(call)) { [unowned(unsafe) self] in
        for (kind, targets) in cuts {
          self.announce(board.restore(kind, targets: targets, at: self.simulator.now.seconds))
        }
      }
      return 0
    }
    bind("sim.outage.status", "outage_status") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let zone = try call.checkString(1)
      let board = try self.requireOutages(call)
      do throws(ScenarioError) {
        try board.check(.power, targets: [zone])
      } catch {
        throw call.argumentError(1, error.message)
      }
      let now = self.simulator.now.seconds
      call.push(
        .table(
          LuaScenario.entries([
            ("power", .boolean(board.hasPower(zone: zone, at: now))),
            ("network", .boolean(board.hasNetwork(zone: zone, at: now))),
          ])))
      return 1
    }
  }

  /// The run's outage board, made on first use over the map.
  func requireOutages(_ call: LuaCall) throws(LuaCallError) -> OutageBoard {
    if let outages { return outages }
    guard let map else {
      throw LuaCallError("\(call.name): outages need a map: name one with scenario{ map = ... }")
    }
    let board = OutageBoard(map: map)
    outages = board
    return board
  }

  /// What a cut or restore call names, per kind: zones, links, or what a
  /// facility supplies.
  func outageTargets(_ call: LuaCall, _ board: OutageBoard)
    throws(LuaCallError) -> [(OutageKind, [String])]
  {
    let kindName = call.field(1, "kind") { call.string(at: $0) }
    var kind: OutageKind?
    if let kindName {
      guard let known = OutageKind(rawValue: kindName) else {
        throw call.argumentError(1, "field 'kind' must be 'power', 'network' or 'road'")
      }
      kind = known
    }
    let zones = try stringList(call, "zones")
    let links = try stringList(call, "links")
    let facility = call.field(1, "facility") { call.string(at: $0) }
    let given = [zones != nil, links != nil, facility != nil].filter { $0 }.count
    guard given == 1 else {
      throw call.argumentError(1, "give exactly one of 'zones', 'links' or 'facility'")
    }
    do throws(ScenarioError) {
      if let facility {
        let kinds = kind.map { [$0] } ?? [.power, .network]
        guard !kinds.contains(.road) else {
          throw ScenarioError("", "a facility supplies power and network, not roads")
        }
        return try kinds.map { k throws(ScenarioError) in
          (k, try board.zones(suppliedBy: facility, kind: k))
        }
      }
      guard let kind else {
        throw ScenarioError("", "field 'kind' ('power', 'network' or 'road') expected")
      }
      if let links {
        guard kind == .road else { throw ScenarioError("", "'links' go with kind = 'road'") }
        try board.check(.road, targets: links)
        return [(kind, links)]
      }
      let named = zones ?? []
      try board.check(.power, targets: named)
      guard kind == .road else { return [(kind, named)] }
      var roads: [String] = []
      for zone in named {
        for link in try board.links(ofZone: zone) where !roads.contains(link) {
          roads.append(link)
        }
      }
      return [(.road, roads)]
    } catch {
      throw call.argumentError(1, error.message)
    }
  }

  /// Field `at` of a cut or restore: sim seconds, not before now (default now).
  func outageTime(_ call: LuaCall) throws(LuaCallError) -> Double {
    let now = simulator.now.seconds
    let at = try numberField(call, "at", required: false) ?? now
    guard at >= now else { throw call.argumentError(1, "field 'at' must not be before sim.now()") }
    return at
  }

  /// Field `key` of the table at 1 as a list of strings; nil when absent.
  func stringList(_ call: LuaCall, _ key: String) throws(LuaCallError) -> [String]? {
    let value = call.field(1, key) { call.value(at: $0, depth: 2) }
    if value == .nil { return nil }
    guard let list = value.arrayElements else {
      throw call.argumentError(1, "field '\(key)' must be a list of ids")
    }
    return try list.map { element throws(LuaCallError) in
      guard case .string(let id) = element else {
        throw call.argumentError(1, "field '\(key)' must be a list of ids (strings)")
      }
      return id
    }
  }

  /// Runs `body` in a kernel event at sim time `seconds` (now, if earlier).
  ///
  /// Hazard state changes are urgent: a process that looks at the same
  /// instant sees the cut made or lifted.
  func at(_ seconds: Double, _ body: @escaping () -> Void) {
    let target = SimTime(seconds: seconds) ?? simulator.now
    let delay = target < simulator.now ? .zero : target - simulator.now
    simulator.schedule(after: delay, priority: .urgent) { [unowned(unsafe) self] in
      guard self.failure == nil else { return }
      body()
    }
  }

  /// Logs outage changes and starts their `sim.on` handlers.
  func announce(_ changes: [OutageBoard.Change]) {
    for change in changes {
      emitFromHost(
        change.isStart ? "outage.start" : "outage.end",
        [
          ("kind", .string(change.kind.rawValue)),
          (change.kind == .road ? "link" : "zone", .string(change.target)),
          ("cause", .string(change.cause)),
        ], on: lua.stack)
    }
  }
}
