import Evacuation
import SimKernel

/// Households that need a team to leave.
///
/// A household needing assistance is counted as waiting
/// (`awaiting_assistance`) from its order until a team has fetched it;
/// `fetch` then puts it on the network in the team's vehicle, so it is
/// counted safe (T100, shelter headcount) when it reaches a shelter.
extension EvacuationModel {
  /// Sets household `household`, which waits for help under order
  /// `order`, on its way now by `mode` (the team's vehicle) to the
  /// order's shelters; it stops being counted as awaiting assistance.
  public func fetch(_ household: Int, order: Int, mode: TravellerMode) {
    guard pending.indices.contains(order), roster.needsAssistance.indices.contains(household)
    else { return }
    let spec = pending[order]
    tally.add(.awaitingAssistance, persons: -Int(roster.size[household]))
    carry(
      household, from: Int(roster.node[household]), mode: mode, orderTime: spec.time,
      destinations: spec.destinations)
  }

  /// Puts household `household` on the network at node `origin` now,
  /// in a team's hands, bound for the shelters of `destinations`: the one
  /// way fetched and rescued households join the evacuation, so they
  /// queue, re-route, are admitted and counted (safe, T100, headcount,
  /// supplies) like everyone else.
  func carry(
    _ household: Int, from origin: Int, mode: TravellerMode, orderTime: SimTime,
    destinations: Int
  ) {
    let zone = Int(roster.zone[household])
    network.add(
      TravellerSpec(
        id: household, origin: origin, persons: Int(roster.size[household]), mode: mode,
        walkSpeed: roster.walkSpeed(of: household, zoneSpeed: map.township.zones[zone].walkSpeed),
        departure: simulator.now,
        orderTime: orderTime, group: zone, destinations: destinations))
    recordTraveller(household)
  }

}
