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
    let available = availableTeams(roster)
    for (index, node, conveyance, atStation) in available
    where canServe(team: index, incident: incident) {
      guard reaches(from: node, to: scene.node, by: conveyance, at: now),
        let seconds = routing.travelTime(from: node, to: scene.node, by: conveyance, at: now)
      else {
        if countBlocked, blockedPairs.insert(Int64(index) << 32 | Int64(incident)).inserted {
          blockedRoutes += 1
          observer?(.routeBlocked(team: index, incident: incident))
        }
        continue
      }
      let total = seconds + (atStation ? callOutDelay(of: roster[index].spec, at: now) : 0)
      if best == nil || total < best?.seconds ?? .infinity { best = (index, total) }
    }
    return best
  }

  /// Gives queued incidents, most urgent first, to the nearest capable
  /// available team until no more pairs can be made.
  ///
  /// An incident that found no team is asked only about the teams that
  /// became available or moved since (`teamChangedAt`), and about all of
  /// them again when the network changed: the others would give the same
  /// no, with their blocked routes counted already. Without this a burst
  /// of reports (every village's assistance call at the order) and every
  /// freed team went over the whole backlog and every team again.
  public func assignQueued() {
    for incident in queue {
      guard teams.contains(where: \.isAvailable) else { return }
      let epoch = teamsEpoch
      let version = routing.networkVersion()
      if let version, unservedAt[incident].version == version,
        unservedAt[incident].epoch == epoch
          || !changedTeamReaches(incident, since: unservedAt[incident].epoch)
      {
        unservedAt[incident] = (epoch, version)
        continue
      }
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

/// What the policy reads of the teams, without copying their records.
extension DispatchCentre {
  /// The available teams of `roster`, in order: index, node, conveyance and
  /// whether at the station.
  func availableTeams(_ roster: [Team]) -> [(Int, Int, Conveyance, Bool)] {
    roster.withUnsafeBufferPointer { buffer in
      buffer.indices.compactMap { index in
        let team = buffer.baseAddress.map { $0 + index }
        guard let team, team.pointee.isAvailable else { return nil }
        return (index, team.pointee.node, team.pointee.spec.conveyance, team.pointee.atStation)
      }
    }
  }

  /// Whether a team at `node` can get to `scene` at all: the routing's
  /// reach when it knows it, else a travel time.
  func reaches(from node: Int, to scene: Int, by conveyance: Conveyance, at now: SimTime) -> Bool {
    guard let reach = routing.reachable(from: node, by: conveyance, at: now) else {
      return routing.travelTime(from: node, to: scene, by: conveyance, at: now) != nil
    }
    return reach.contains(scene)
  }

  /// Whether a team that changed since incident `incident` found none can
  /// serve it now.
  ///
  /// Only teams changed after `epoch` are asked: the others are as they
  /// were, so they still cannot. Those capable and available that cannot
  /// reach it are counted blocked here, in team order, as
  /// `nearestCapableTeam` would count them.
  func changedTeamReaches(_ incident: Int, since epoch: Int) -> Bool {
    let scene = incidents[incident].incident.node
    let now = simulator.now
    for (index, node, conveyance, _) in availableTeams(teams)
    where teamChangedAt[index] > epoch && canServe(team: index, incident: incident) {
      if reaches(from: node, to: scene, by: conveyance, at: now) { return true }
      if blockedPairs.insert(Int64(index) << 32 | Int64(incident)).inserted {
        blockedRoutes += 1
        observer?(.routeBlocked(team: index, incident: incident))
      }
    }
    return false
  }
}
