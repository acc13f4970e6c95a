import Evacuation
import Response
import SimKernel

/// Households a team got out of the water, carried to a shelter.
///
/// When a `trapped` incident is done the team takes the household with it
/// (a boat crosses the flooded links that trapped it) to the nearest open
/// shelter with room for it, by the team's travel time on the network as
/// it is then, ties to the earlier shelter. It is put ashore there at
/// that travel time and joins the evacuation (EvacuationModel+Rescue),
/// by the path a fetched assistance household takes, so it is admitted
/// and counted like everyone else. Were it waiting for an assistance
/// team as well, that help is dropped: the assistance incident, should a
/// team still come, finds no one to fetch. The team itself is free at the
/// scene when the work is done, as after an assistance job: the trip to
/// the shelter is not charged to it. With no shelter it can reach, the
/// household stays where it is.
extension ResponseModel {
  /// Sends household `household`, rescued by `team` at `incident`'s scene,
  /// to the nearest open shelter with room.
  func carryToShelter(_ household: Int, by team: Int, from incident: Int) {
    guard let evacuation else { return }
    let scene = centre.incidents[incident].incident.node
    let alarm = centre.incidents[incident].alarm
    let persons = Int(evacuation.roster.size[household])
    let conveyance = centre.teams[team].spec.conveyance
    let shelters = evacuation.network.shelters
    let now = simulator.now
    var best: (seconds: Double, shelter: Int)?
    for s in 0..<shelters.count where shelters.isOpen[s] && shelters.isAdmitting(s) {
      if let capacity = shelters.capacities[s],
        shelters.occupancy[s] + shelters.queued[s] + persons > capacity
      {
        continue
      }
      guard
        let seconds = centre.routing.travelTime(
          from: scene, to: shelters.nodes[s], by: conveyance, at: now)
      else { continue }
      if best.map({ seconds < $0.seconds }) ?? true { best = (seconds, s) }
    }
    guard let best else { return }
    let node = shelters.nodes[best.shelter]
    let order = assistanceIncident.removeValue(forKey: household).flatMap {
      fetches.removeValue(forKey: $0)?.order
    }
    simulator.schedule(after: SimTime(seconds: best.seconds) ?? .zero) {
      [weak self, weak evacuation] in
      guard let self, let evacuation else { return }
      if evacuation.rescue(household, landedAt: node, assistanceOrder: order, alarm: alarm) {
        self.rescuedHouseholds += 1
      }
    }
  }
}
