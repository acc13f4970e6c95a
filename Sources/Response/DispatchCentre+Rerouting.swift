import SimKernel

/// Teams on their way when a link closes.
///
/// A team keeps the route it was given at dispatch until a link ahead of it
/// closes for its conveyance. It cannot turn on a link, so it finishes the
/// link it is on; from the node at its end (or from where it stands, when
/// it is still turning out or exactly at a node) it takes the fastest route
/// open then. With no route left it turns back there: it is free at that
/// node and the incident goes back to the queue, counted once as a blocked
/// route for that team and incident. A link that opens changes no route
/// already under way.
extension DispatchCentre {
  /// Re-checks every team on its way against the network as it is now;
  /// call after links changed state.
  public func networkChanged() {
    let now = simulator.now
    for team in teams.indices {
      guard let incident = teams[team].incident, !teams[team].legs.isEmpty,
        teams[team].state == .callingOut || teams[team].state == .travelling
      else { continue }
      guard let place = position(of: team, at: now) else { continue }
      let conveyance = teams[team].spec.conveyance
      var tail = place.node
      var open = true
      for leg in place.ahead {
        guard routing.canCross(link: leg.link, from: tail, by: conveyance) else {
          open = false
          break
        }
        tail = leg.node
      }
      if !open { reroute(team: team, incident: incident, from: place.node, at: place.time) }
    }
  }

  /// Where a team on its route can next change course: the node, when it
  /// is there, and the legs after it; nil when it is arriving now.
  func position(of team: Int, at now: SimTime) -> (node: Int, time: SimTime, ahead: [RouteLeg])? {
    let legs = teams[team].legs
    let start = teams[team].legsStart
    guard now > start else { return (teams[team].legsOrigin, start, legs) }
    let elapsed = (now - start).seconds
    guard let k = legs.firstIndex(where: { $0.seconds > elapsed }) else { return nil }
    if k > 0, legs[k - 1].seconds == elapsed {
      return (legs[k - 1].node, now, Array(legs[k...]))
    }
    let reached = start + (SimTime(seconds: legs[k].seconds) ?? .zero)
    return (legs[k].node, reached, Array(legs[(k + 1)...]))
  }

  /// Sends a team on from `node` at `time` by the fastest open route, or
  /// turns it back there when there is none.
  func reroute(team: Int, incident: Int, from node: Int, at time: SimTime) {
    let spec = teams[team].spec
    let now = simulator.now
    if let timer = teams[team].timer { simulator.cancel(timer) }
    teams[team].timer = nil
    let scene = incidents[incident].incident.node
    guard let legs = routing.route(from: node, to: scene, by: spec.conveyance, at: now) else {
      teams[team].legs = []
      if blockedPairs.insert(Int64(team) << 32 | Int64(incident)).inserted { blockedRoutes += 1 }
      observer?(.routeBlocked(team: team, incident: incident))
      teams[team].timer = simulator.schedule(after: time - now) { [unowned self] in
        self.turnBack(team: team, incident: incident, at: node)
      }
      return
    }
    teams[team].legs = legs
    teams[team].legsOrigin = node
    teams[team].legsStart = time
    let arrival = time + (SimTime(seconds: legs.last?.seconds ?? 0) ?? .zero)
    reroutes += 1
    scheduleTravel(team: team, departure: time, arrival: arrival)
    observer?(.rerouted(team: team, incident: incident, arrival: arrival))
  }

  /// A team cut off on its way is free at `node`; its incident is queued
  /// again for whichever team can still reach it.
  func turnBack(team: Int, incident: Int, at node: Int) {
    let now = simulator.now
    if let since = teams[team].busySince { teams[team].busySeconds += (now - since).seconds }
    teams[team].busySince = nil
    teams[team].incident = nil
    teams[team].node = node
    teams[team].atStation = node == teams[team].spec.station
    teams[team].state = .available
    teams[team].timer = nil
    incidents[incident].team = nil
    incidents[incident].dispatched = nil
    recordBacklog()
    teamFreed(team)
  }
}
