import SimKernel

/// The default dispatch policy: priority, then the nearest capable team.
extension DispatchCentre {
  /// The available team with the incident's skills that can be on scene
  /// soonest (call-out delay plus travel on the current network), with
  /// those seconds; ties go to the earlier team.
  ///
  /// Teams that are capable and available but cut off are counted once
  /// per team and incident in `blockedRoutes` when `countBlocked` is set.
  ///
  /// Whether a team can get there at all is asked first, of the set of
  /// nodes it can reach (one search per team position until the network
  /// changes, shared by the whole backlog); only teams that can are timed.
  /// A travel time to a scene a team cannot reach costs a search of all it
  /// can reach, so asking that for every queued incident made each freed
  /// team cost a backlog's worth of searches. The choice is the same: a
  /// team outside the set is one whose travel time is nil.
  public func nearestCapableTeam(for incident: Int, countBlocked: Bool = false) -> (
    team: Int, seconds: Double
  )? {
    guard incidents.indices.contains(incident) else { return nil }
    let scene = incidents[incident].incident
    let now = simulator.now
    var best: (team: Int, seconds: Double)?
    // The teams as they are now (observers of blocked routes may change
    // them); the available ones picked out in place, not copied one by one.
    let roster = teams
    let available = roster.withUnsafeBufferPointer { buffer in
      buffer.indices.filter { buffer[$0].isAvailable }
    }
    for index in available where canServe(team: index, incident: incident) {
      let team = roster[index]
      let reach = routing.reachable(from: team.node, by: team.spec.conveyance, at: now)
      guard reach?.contains(scene.node) ?? true,
        let seconds = routing.travelTime(
          from: team.node, to: scene.node, by: team.spec.conveyance, at: now)
      else {
        if countBlocked, blockedPairs.insert(Int64(index) << 32 | Int64(incident)).inserted {
          blockedRoutes += 1
          observer?(.routeBlocked(team: index, incident: incident))
        }
        continue
      }
      let total = seconds + (team.atStation ? callOutDelay(of: team.spec, at: now) : 0)
      if best == nil || total < best?.seconds ?? .infinity { best = (index, total) }
    }
    return best
  }

  /// Gives queued incidents, most urgent first, to the nearest capable
  /// available team until no more pairs can be made.
  ///
  /// An incident that found no team is not asked again until a team
  /// became available or moved (`teamsEpoch`) or the network changed: until
  /// then the answer is the same no, and its blocked teams are counted
  /// already. Without this a burst of reports (every village's assistance
  /// call at the order) went over the whole backlog and every team once
  /// per report.
  public func assignQueued() {
    for incident in queue {
      guard teams.contains(where: \.isAvailable) else { return }
      let epoch = teamsEpoch
      let version = routing.networkVersion()
      if let version, unservedAt[incident] == (epoch, version) { continue }
      guard let choice = nearestCapableTeam(for: incident, countBlocked: true) else {
        if let version { unservedAt[incident] = (epoch, version) }
        continue
      }
      do {
        try dispatch(team: choice.team, to: incident)
      } catch {
        continue  // unreachable: the route was just found
      }
    }
  }
}
