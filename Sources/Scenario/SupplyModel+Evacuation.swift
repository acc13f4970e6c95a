import Evacuation
import Logistics

/// Shelter headcounts that follow the evacuation.
///
/// Supplies are used per person in a shelter, so a shelter's stock lasts
/// as long as its headcount lets it. Without this a script had to copy
/// every admission into `sim.supply.occupancy` itself, and a scenario that
/// did not reported shelters that never consumed anything.
extension SupplyModel {
  /// Raises a supply shelter's headcount whenever the evacuation admits a
  /// group to the shelter of the same id, at the admission's sim time.
  ///
  /// Consumption, run-out and low-stock events are re-planned at that
  /// instant (`SupplyNetwork.setOccupancy`). Shelters the supply model
  /// does not know are skipped. Only admissions from now on count.
  public func follow(_ evacuation: EvacuationModel) {
    let ids = evacuation.network.shelters.ids
    let network = network
    evacuation.network.onAdmit = { shelter, persons in
      guard let site = network.site(ids[shelter]), network.sites[site].kind == .shelter else {
        return
      }
      // A shelter site and a positive headcount: setOccupancy cannot refuse.
      try? network.setOccupancy(network.sites[site].people + persons, at: site)
    }
  }
}
