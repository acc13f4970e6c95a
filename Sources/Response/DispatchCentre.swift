import SimKernel
import Township

/// The township's dispatch: teams, incidents, the queue of unserved
/// incidents, reinforcements and the command post.
///
/// An incident is reported (the alarm), queued, and given to a team; the
/// team turns out (its call-out delay, only when leaving its station),
/// travels on the network as it is at dispatch, works on scene for a drawn
/// duration, and is then free at the scene; with nothing queued it drives
/// home, free to be sent elsewhere on the way (from the scene it left).
/// Under `.nearestCapable` every alarm and every freed team triggers the
/// default policy (see DispatchCentre+Policy); under `.external` a script
/// decides through `dispatch(team:to:)`.
///
/// Everything is kept in arrays in creation order, so ties resolve the
/// same way in every run.
public final class DispatchCentre {
  public let simulator: Simulator
  public let routing: ResponseRouting
  public var policy: DispatchPolicy
  /// Called synchronously for everything that happens (logs, scripts).
  public var observer: ((ResponseEvent) -> Void)?
  /// Seconds after local midnight at the scenario start (for duty shifts).
  public var clockAtStart: Double
  public internal(set) var teams: [Team] = []
  public internal(set) var incidents: [IncidentRecord] = []
  /// When the command post was activated.
  public internal(set) var commandPostActivated: SimTime?
  /// Times a capable, available team found no open route to a scene.
  public internal(set) var blockedRoutes = 0
  public internal(set) var reinforcementsRequested = 0
  /// Times a team on its way took another route because a link ahead of
  /// it closed (see DispatchCentre+Rerouting).
  public internal(set) var reroutes = 0
  /// Seconds those re-routes added to the teams' arrivals.
  public internal(set) var rerouteDelay = 0.0
  var workDraws: RandomStream
  var teamIndexByID: [String: Int] = [:]
  var incidentIndexByID: [String: Int] = [:]
  var backlog: TimeWeighted
  /// Team and incident pairs already counted as blocked (membership only).
  var blockedPairs: Set<Int64> = []
  /// The distinct skill lists incidents need, by first use, their index
  /// (looked up, never iterated), each incident's list, and per list
  /// whether each team has every skill (see DispatchCentre+Skills).
  var skillLists: [[String]] = []
  var skillListIndex: [[String]: Int] = [:]
  var skillListOfIncident: [Int] = []
  var teamsServing: [[Bool]] = []
  /// Counts the times a team became available or moved while available:
  /// what can give a queued incident that found no team one (see
  /// DispatchCentre+Policy).
  var teamsEpoch = 0
  /// Per team: the epoch of its last such change.
  var teamChangedAt: [Int] = []
  /// Per incident: the teams epoch and network version at which it last
  /// found no capable team that could reach it ((-1, -1): never).
  var unservedAt: [(epoch: Int, version: Int)] = []

  /// A centre with no teams yet; `workDraws` draws on-scene durations.
  public init(
    simulator: Simulator, routing: ResponseRouting, workDraws: RandomStream,
    policy: DispatchPolicy = .nearestCapable, clockAtStart: Double = 0
  ) {
    self.simulator = simulator
    self.routing = routing
    self.workDraws = workDraws
    self.policy = policy
    self.clockAtStart = clockAtStart
    backlog = TimeWeighted(level: 0, at: simulator.now)
  }

  /// Adds a team at its station, available now.
  @discardableResult
  public func add(_ spec: TeamSpec) throws(ResponseError) -> Int {
    let index = try register(spec, state: .available)
    if policy == .nearestCapable { assignQueued() }
    return index
  }

  /// Replaces team `spec.id`, which must not have had a job yet: a
  /// default team (from a mapped station) that the scenario redefines.
  @discardableResult
  public func replace(_ spec: TeamSpec) throws(ResponseError) -> Int {
    guard let index = teamIndexByID[spec.id] else { return try add(spec) }
    guard teams[index].jobs == 0, teams[index].state == .available else {
      throw ResponseError("team \(spec.id)", "has already been dispatched; it cannot be redefined")
    }
    guard spec.size > 0, spec.onDutyCallOut >= 0, spec.offDutyCallOut >= 0 else {
      throw ResponseError("team \(spec.id)", "needs size > 0 and call-out delays >= 0")
    }
    teams[index] = Team(
      spec: spec, state: .available, node: spec.station, incident: nil,
      since: teams[index].since, atStation: true)
    skillsChanged(team: index)
    teamChanged(index)
    if policy == .nearestCapable { assignQueued() }
    return index
  }

  /// The index of a team by id.
  public func team(_ id: String) -> Int? { teamIndexByID[id] }

  /// The index of an incident by id.
  public func incident(_ id: String) -> Int? { incidentIndexByID[id] }

  /// Reports an incident now (the alarm) and, under the default policy,
  /// dispatches the nearest capable team or queues it.
  @discardableResult
  public func report(_ incident: Incident) throws(ResponseError) -> Int {
    guard incidentIndexByID[incident.id] == nil else {
      throw ResponseError("incident \(incident.id)", "an incident with this id was reported")
    }
    guard incident.priority >= 1 else {
      throw ResponseError("incident \(incident.id)", "priority must be 1 or more")
    }
    let index = incidents.count
    incidents.append(IncidentRecord(incident: incident, alarm: simulator.now))
    skillListOfIncident.append(skillList(of: incident.requiredSkills))
    unservedAt.append((-1, -1))
    incidentIndexByID[incident.id] = index
    recordBacklog()
    observer?(.reported(incident: index))
    if policy == .nearestCapable { assignQueued() }
    return index
  }

  /// Sends team `team` to incident `incident` now.
  ///
  /// - Throws: when the team is busy, the incident is already served, or
  ///   the team has no open route to the scene.
  public func dispatch(team: Int, to incident: Int) throws(ResponseError) {
    guard teams.indices.contains(team), incidents.indices.contains(incident) else {
      throw ResponseError("dispatch", "no such team or incident")
    }
    let spec = teams[team].spec
    let target = incidents[incident]
    guard teams[team].isAvailable else {
      throw ResponseError("team \(spec.id)", "is \(teams[team].state.rawValue), not available")
    }
    guard target.isQueued else {
      throw ResponseError("incident \(target.incident.id)", "already has a team")
    }
    let now = simulator.now
    guard
      let travel = routing.travelTime(
        from: teams[team].node, to: target.incident.node, by: spec.conveyance, at: now)
    else {
      blockedRoutes += 1
      observer?(.routeBlocked(team: team, incident: incident))
      throw ResponseError(
        "team \(spec.id)",
        "no open route by \(spec.conveyance.rawValue) to incident \(target.incident.id)")
    }
    if let timer = teams[team].timer { simulator.cancel(timer) }
    let callOut = teams[team].atStation ? callOutDelay(of: spec, at: now) : 0
    let turnout = SimTime(seconds: callOut) ?? .zero
    let delay = SimTime(seconds: callOut + travel) ?? .zero
    teams[team].trip = RouteTrip(
      origin: teams[team].node, start: now + turnout,
      legs: routing.route(
        from: teams[team].node, to: target.incident.node, by: spec.conveyance, at: now) ?? [])
    teams[team].incident = incident
    teams[team].busySince = now
    teams[team].atStation = false
    teams[team].jobs += 1
    incidents[incident].team = team
    incidents[incident].dispatched = now
    recordBacklog()
    scheduleTravel(team: team, departure: now + turnout, arrival: now + delay)
    observer?(.dispatched(team: team, incident: incident, arrival: now + delay))
  }

  /// Seconds from the call to departure for a team at its station now.
  public func callOutDelay(of spec: TeamSpec, at time: SimTime) -> Double {
    spec.roster.isOnDuty(secondsOfDay: clockAtStart + time.seconds)
      ? spec.onDutyCallOut : spec.offDutyCallOut
  }

  /// Asks the county for a team that arrives at node `spec.station` after
  /// `delay` and joins the response there.
  public func requestReinforcement(_ spec: TeamSpec, after delay: SimTime) throws(ResponseError) {
    let index = try register(spec, state: .enRoute)
    reinforcementsRequested += 1
    teams[index].atStation = false
    observer?(.reinforcementRequested(team: spec.id, arrival: simulator.now + delay))
    teams[index].timer = simulator.schedule(after: delay) { [unowned self] in
      self.teams[index].state = .available
      self.teams[index].since = self.simulator.now
      self.teams[index].timer = nil
      self.observer?(.reinforcementArrived(team: index))
      self.teamFreed(index)
    }
  }

  /// Activates the command post now (the first activation counts).
  public func activateCommandPost() {
    guard commandPostActivated == nil else { return }
    commandPostActivated = simulator.now
    observer?(.commandPostActivated)
  }

  /// Incidents waiting for a team, most urgent first.
  public var queue: [Int] {
    incidents.indices.filter { incidents[$0].isQueued }.sorted { a, b in
      let x = incidents[a]
      let y = incidents[b]
      return (x.incident.priority, x.alarm, a) < (y.incident.priority, y.alarm, b)
    }
  }

  func register(_ spec: TeamSpec, state: TeamState) throws(ResponseError) -> Int {
    guard teamIndexByID[spec.id] == nil else {
      throw ResponseError("team \(spec.id)", "a team with this id exists")
    }
    guard spec.size > 0, spec.onDutyCallOut >= 0, spec.offDutyCallOut >= 0 else {
      throw ResponseError("team \(spec.id)", "needs size > 0 and call-out delays >= 0")
    }
    let index = teams.count
    teamChangedAt.append(0)
    teams.append(
      Team(
        spec: spec, state: state, node: spec.station, incident: nil, since: simulator.now,
        atStation: true))
    teamIndexByID[spec.id] = index
    teamChanged(index)
    return index
  }

  /// Starts a team's trip: calling out until `departure` (when that is
  /// later than now), then travelling until it arrives at `arrival`.
  func scheduleTravel(team: Int, departure: SimTime, arrival: SimTime) {
    let now = simulator.now
    guard departure > now else {
      teams[team].state = .travelling
      teams[team].timer = simulator.schedule(after: arrival - now) { [unowned self] in
        self.arrive(team: team)
      }
      return
    }
    teams[team].state = .callingOut
    teams[team].timer = simulator.schedule(after: departure - now) { [unowned self] in
      self.teams[team].state = .travelling
      self.teams[team].timer = self.simulator.schedule(after: arrival - departure) {
        [unowned self] in self.arrive(team: team)
      }
    }
  }

  func arrive(team: Int) {
    guard let incident = teams[team].incident else { return }
    let now = simulator.now
    teams[team].trip.legs = []
    teams[team].state = .working
    teams[team].node = incidents[incident].incident.node
    incidents[incident].arrived = now
    observer?(.arrived(team: team, incident: incident))
    let seconds = incidents[incident].incident.work.draw(&workDraws)
    teams[team].timer = simulator.schedule(after: SimTime(seconds: seconds) ?? .zero) {
      [unowned self] in self.complete(team: team)
    }
  }

  func complete(team: Int) {
    guard let incident = teams[team].incident else { return }
    let now = simulator.now
    incidents[incident].completed = now
    if let since = teams[team].busySince { teams[team].busySeconds += (now - since).seconds }
    teams[team].busySince = nil
    teams[team].incident = nil
    teams[team].state = .available
    teams[team].timer = nil
    observer?(.completed(team: team, incident: incident))
    teamFreed(team)
  }

  /// A team is free: offer it work, else send it home.
  func teamFreed(_ team: Int) {
    teamChanged(team)
    observer?(.teamAvailable(team: team))
    if policy == .nearestCapable { assignQueued() }
    guard teams[team].state == .available, !teams[team].atStation else { return }
    let spec = teams[team].spec
    guard
      let back = routing.travelTime(
        from: teams[team].node, to: spec.station, by: spec.conveyance, at: simulator.now)
    else { return }
    teams[team].state = .returning
    teams[team].timer = simulator.schedule(after: SimTime(seconds: back) ?? .zero) {
      [unowned self] in
      self.teams[team].state = .available
      self.teams[team].node = spec.station
      self.teams[team].atStation = true
      self.teams[team].timer = nil
      self.teamChanged(team)
      self.observer?(.returned(team: team))
    }
  }

  func recordBacklog() {
    let waiting = incidents.reduce(0) { $0 + ($1.isQueued ? 1 : 0) }
    backlog.record(Double(waiting), at: simulator.now)
  }
}
