import LuaHost
import Response
import Scenario
import SimKernel

/// `sim.team`, `sim.incident`, `sim.dispatch`, `sim.teams.*`,
/// `sim.request_reinforcement`, `sim.command_post`, `sim.reports.*` and
/// `sim.report`: the response model on the run's map.
///
/// The model is built once the setup has run when the map has stations,
/// depots or shelters (LuaScenario+Coupling), else at the first response
/// call, with one default team per mapped station. While the script has a
/// `sim.on("incident", fn)` handler it owns dispatch (the default policy is
/// off); otherwise every
/// alarm and every freed team runs the default policy. Everything the
/// centre does is logged and started as a `sim.on` event.
extension LuaScenario {
  /// The Lua half of the response API, spliced into the prelude.
  static let responsePrelude = """
    sim.team = H.response_team
    sim.incident = H.response_incident
    sim.dispatch = H.response_dispatch
    sim.request_reinforcement = H.response_reinforce
    sim.command_post = H.response_command_post
    sim.teams = {
      list = H.response_teams, get = H.response_team_info, nearest = H.response_nearest,
      queue = H.response_queue, assign_queued = H.response_assign,
    }
    sim.reports = { rules = H.reports_rules, open = H.reports_open, close = H.reports_close }
    sim.report = H.reports_submit
    """

  func bindResponse(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.team", "response_team") { [unowned(unsafe) self] call throws(LuaCallError) in
      let spec = try self.teamSpec(call, defaultKind: nil)
      let centre = try self.requireResponse(call).centre
      try self.modelCall(call) { try centre.replace(spec) }
      call.push(string: spec.id)
      return 1
    }
    bind("sim.incident", "response_incident") { [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      let incident = try self.incidentSpec(call, number: centre.incidents.count + 1)
      try self.modelCall(call) { try centre.report(incident) }
      call.push(string: incident.id)
      return 1
    }
    bind("sim.dispatch", "response_dispatch") { [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      let (team, incident) = try self.teamAndIncident(call, centre)
      try self.modelCall(call) { try centre.dispatch(team: team, to: incident) }
      return 0
    }
    bind("sim.request_reinforcement", "response_reinforce") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      var spec = try self.teamSpec(call, defaultKind: .fireRescue, extra: ["delay", "count"])
      let delay = try self.numberField(call, "delay", required: false) ?? 3_600
      let count = Int(try self.numberField(call, "count", required: false) ?? 1)
      guard delay >= 0, let wait = SimTime(seconds: delay), count >= 1 else {
        throw call.argumentError(1, "needs delay >= 0 and count >= 1")
      }
      let base = spec.id
      for k in 1...count {
        if count > 1 { spec.id = "\(base)-\(k)" }
        try self.modelCall(call) { try centre.requestReinforcement(spec, after: wait) }
      }
      return 0
    }
    bind("sim.command_post", "response_command_post") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.requireResponse(call).centre.activateCommandPost()
      return 0
    }
    bindTeamQueries(bind)
    bindReports(bind)
  }

  func bindTeamQueries(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.teams.list", "response_teams") { [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      call.push(.table(LuaScenario.list(centre.teams.indices.map { self.teamTable(centre, $0) })))
      return 1
    }
    bind("sim.teams.get", "response_team_info") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      let id = try self.idArgument(call, 1, "team")
      guard let team = centre.team(id) else { throw call.argumentError(1, "no team '\(id)'") }
      call.push(self.teamTable(centre, team))
      return 1
    }
    bind("sim.teams.nearest", "response_nearest") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      let id = try self.idArgument(call, 1, "incident")
      guard let incident = centre.incident(id) else {
        throw call.argumentError(1, "no incident '\(id)'")
      }
      guard let choice = centre.nearestCapableTeam(for: incident) else {
        call.pushNil()
        return 1
      }
      call.push(string: centre.teams[choice.team].spec.id)
      call.push(number: choice.seconds)
      return 2
    }
    bind("sim.teams.queue", "response_queue") { [unowned(unsafe) self] call throws(LuaCallError) in
      let centre = try self.requireResponse(call).centre
      call.push(
        .table(LuaScenario.list(centre.queue.map { .string(centre.incidents[$0].incident.id) })))
      return 1
    }
    bind("sim.teams.assign_queued", "response_assign") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.requireResponse(call).centre.assignQueued()
      return 0
    }
  }

  /// The response model, built now if it was not yet.
  func requireResponse(_ call: LuaCall) throws(LuaCallError) -> ResponseModel {
    if let response { return response }
    let map = try requireMap()
    let model = try modelCall(call) { try makeResponse(on: map) }
    response = model
    return model
  }

  /// Logs a response event and starts its `sim.on` handlers.
  func announce(_ event: ResponseEvent) {
    guard let centre = response?.centre else { return }
    func team(_ t: Int) -> (String, LuaValue) { ("team", .string(centre.teams[t].spec.id)) }
    func incident(_ i: Int) -> (String, LuaValue) {
      ("incident", .string(centre.incidents[i].incident.id))
    }
    let stack = lua.stack
    switch event {
    case .reported, .dispatched:
      // The backlog over time: a point per change (metrics.csv).
      metrics.record("response.backlog", Double(centre.queue.count), at: simulator.now)
    default: break
    }
    switch event {
    case .reported(let i):
      syncDispatchPolicy(centre)
      let record = centre.incidents[i].incident
      emitFromHost(
        "incident",
        [
          ("id", .string(record.id)), ("kind", .string(record.kind.rawValue)),
          ("node", .string(map?.township.nodes[record.node].id ?? "")),
          ("priority", .integer(Int64(record.priority))),
          ("persons", .integer(Int64(record.persons))), ("source", .string(record.source)),
          ("skills", .table(LuaScenario.list(record.requiredSkills.map { .string($0) }))),
        ], on: stack)
    case .dispatched(let t, let i, let arrival):
      emitFromHost(
        "team.dispatched", [team(t), incident(i), ("arrival", .number(arrival.seconds))],
        on: stack)
    case .arrived(let t, let i): emitFromHost("team.arrived", [team(t), incident(i)], on: stack)
    case .completed(let t, let i):
      emitFromHost("incident.done", [team(t), incident(i)], on: stack)
    case .teamAvailable(let t):
      syncDispatchPolicy(centre)
      let node = map?.township.nodes[centre.teams[t].node].id ?? ""
      emitFromHost("team_available", [team(t), ("node", .string(node))], on: stack)
    case .returned(let t): emitFromHost("team.returned", [team(t)], on: stack)
    case .routeBlocked(let t, let i):
      emitFromHost("team.route_blocked", [team(t), incident(i)], on: stack)
    case .rerouted(let t, let i, let arrival):
      emitFromHost(
        "team.rerouted", [team(t), incident(i), ("arrival", .number(arrival.seconds))],
        on: stack)
    case .reinforcementRequested(let id, let arrival):
      emitFromHost(
        "reinforcement.requested", [("team", .string(id)), ("arrival", .number(arrival.seconds))],
        on: stack)
    case .reinforcementArrived(let t):
      emitFromHost("reinforcement.arrived", [team(t)], on: stack)
    case .commandPostActivated: emitFromHost("command_post", [], on: stack)
    }
  }

  /// A script with an `incident` handler owns dispatch.
  func syncDispatchPolicy(_ centre: DispatchCentre) {
    centre.policy = handlers["incident"]?.isEmpty == false ? .external : .nearestCapable
  }

  func teamTable(_ centre: DispatchCentre, _ index: Int) -> LuaValue {
    let team = centre.teams[index]
    var fields: [(String, LuaValue)] = [
      ("id", .string(team.spec.id)), ("kind", .string(team.spec.kind.rawValue)),
      ("force", .string(team.spec.kind.force.rawValue)),
      ("state", .string(team.state.rawValue)),
      ("node", .string(map?.township.nodes[team.node].id ?? "")),
      ("station", .string(map?.township.nodes[team.spec.station].id ?? "")),
      ("size", .integer(Int64(team.spec.size))),
      ("vehicle", .string(team.spec.conveyance.rawValue)),
      ("skills", .table(LuaScenario.list(team.spec.skills.sorted().map { .string($0) }))),
      ("jobs", .integer(Int64(team.jobs))), ("available", .boolean(team.isAvailable)),
    ]
    if let i = team.incident {
      fields.append(("incident", .string(centre.incidents[i].incident.id)))
    }
    return .table(LuaScenario.entries(fields))
  }

  func teamAndIncident(_ call: LuaCall, _ centre: DispatchCentre) throws(LuaCallError) -> (
    Int, Int
  ) {
    let teamID = try idArgument(call, 1, "team")
    let incidentID = try idArgument(call, 2, "incident")
    guard let team = centre.team(teamID) else {
      throw call.argumentError(1, "no team '\(teamID)'")
    }
    guard let incident = centre.incident(incidentID) else {
      throw call.argumentError(2, "no incident '\(incidentID)'")
    }
    return (team, incident)
  }

  /// Response, team and reporting metrics into the run's metrics.
  func recordResponseMetrics(into metrics: inout MetricSeries) {
    let now = simulator.now
    for (name, value) in response?.metrics(at: now) ?? [] { metrics.record(name, value, at: now) }
    for (name, value) in supply?.metrics(at: now) ?? [] {
      metrics.record(name, value, at: now)
    }
  }
}
