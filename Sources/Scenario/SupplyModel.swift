import Logistics
import SimKernel
import Township

/// A run's supplies: depots and shelters from the map, deliveries on its
/// live road network.
///
/// Every `depot` facility becomes a depot with one truck of
/// `defaultTruckCapacity` units; every `shelter` facility a shelter using
/// the default water and food rates. Deliveries drive on the map's roads
/// as they are (the script's and the hazards' closures apply): a closure
/// ahead of a truck on its way re-routes it from the next node, or turns
/// it back to its depot when no road on is left.
public final class SupplyModel {
  /// Units one default truck carries per trip.
  public static let defaultTruckCapacity = 2_000.0

  public let network: SupplyNetwork
  public let map: LiveMap
  /// Re-routes trucks on their way after closures (SupplyNetwork+Rerouting).
  private var closureCheck: ClosureCheck?

  public init(map: LiveMap, simulator: Simulator) throws(ScenarioError) {
    self.map = map
    network = SupplyNetwork(simulator: simulator, roads: map.driving)
    let network = network
    closureCheck = ClosureCheck(
      map: map, simulator: simulator,
      isNeeded: { [unowned network] in network.vehicles.contains(where: \.isBusy) },
      check: { [unowned network] in network.networkChanged() })
    do {
      for facility in map.township.facilities {
        switch facility.kind {
        case .depot:
          let depot = try network.addDepot(id: facility.id, node: facility.node)
          try network.addVehicle(
            id: "\(facility.id).truck", depot: depot, capacity: SupplyModel.defaultTruckCapacity)
        case .shelter:
          try network.addShelter(id: facility.id, node: facility.node)
        default: continue
        }
      }
    } catch {
      throw ScenarioError("supply", error.description)
    }
  }

  /// Supply metrics at `time`, in a fixed order.
  public func metrics(at time: SimTime) -> [(name: String, value: Double)] {
    network.metrics(at: time)
  }
}
