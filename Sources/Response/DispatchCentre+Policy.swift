import SimKernel

/// The default dispatch policy: priority, then the nearest capable team.
extension DispatchCentre {
  /// The available team with the incident's skills that can be on scene
  /// soonest (call-out delay plus travel on the current network), with
  /// those seconds; ties go to the earlier team.
  ///
  /// Teams that are capable and available but cut off are counted once
  /// per team and incident in `blockedRoutes` when `countBlocked` is set.
  public func nearestCapableTeam(for incident: Int, countBlocked: Bool = false) -> (
    team: Int, seconds: Double
  )? {
    guard incidents.indices.contains(incident) else { return nil }
    let scene = incidents[incident].incident
    let now = simulator.now
    var best: (team: Int, seconds: Double)?
    for (index, team) in teams.enumerated()
    where team.isAvailable && team.spec.canServe(scene.requiredSkills) {
      guard
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
  public func assignQueued() {
    for incident in queue {
      guard teams.contains(where: \.isAvailable) else { return }
      guard let choice = nearestCapableTeam(for: incident, countBlocked: true) else { continue }
      do {
        try dispatch(team: choice.team, to: incident)
      } catch {
        continue  // unreachable: the route was just found
      }
    }
  }
}
