import SimKernel
import Township

/// Teams on their way when a link closes.
///
/// A team keeps the route it was given at dispatch until a link ahead of it
/// closes for its conveyance. It cannot turn on a link, so it finishes the
/// link it is on; from the node at its end (or from where it stands, when
/// it is still turning out or exactly at a node) it takes the fastest route
/// open then. With no route left it turns back there: it is free at that
/// node and the incident goes back to the queue, counted once as a blocked
/// route for that team and incident. A link that opens changes no route
/// already under way. Where a team can turn and whether its route is cut
/// are `RouteTrip`'s, shared with supply trucks (SupplyNetwork+Rerouting);
/// what it does then is its own.
extension DispatchCentre {
  /// Re-checks every team on its way against the network as it is now;
  /// call after links changed state.
  public func networkChanged() {
    let now = simulator.now
    for team in teams.indices {
      guard let incident = teams[team].incident, !teams[team].trip.legs.isEmpty,
        teams[team].state == .callingOut || teams[team].state == .travelling,
        let turn = teams[team].trip.nextTurn(at: now)
      else { continue }
      let conveyance = teams[team].spec.conveyance
      let cut = RouteTrip.isCut(from: turn.node, ahead: turn.ahead) { link, tail in
        routing.canCross(link: link, from: tail, by: conveyance)
      }
      if cut { reroute(team: team, incident: incident, from: turn.node, at: turn.time) }
    }
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
      teams[team].trip.legs = []
      if blockedPairs.insert(Int64(team) << 32 | Int64(incident)).inserted { blockedRoutes += 1 }
      observer?(.routeBlocked(team: team, incident: incident))
      teams[team].timer = simulator.schedule(after: time - now) { [unowned self] in
        self.turnBack(team: team, incident: incident, at: node)
      }
      return
    }
    let before = teams[team].trip.arrival
    teams[team].trip = RouteTrip(origin: node, start: time, legs: legs)
    let arrival = teams[team].trip.arrival
    reroutes += 1
    rerouteDelay += (arrival - before).seconds
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
