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
    let zone = Int(roster.zone[household])
    let persons = Int(roster.size[household])
    tally.add(.awaitingAssistance, persons: -persons)
    network.add(
      TravellerSpec(
        id: household, origin: Int(roster.node[household]), persons: persons, mode: mode,
        walkSpeed: map.township.zones[zone].walkSpeed, departure: simulator.now,
        orderTime: spec.time, group: zone, destinations: spec.destinations))
    recordTraveller(household)
  }
}
