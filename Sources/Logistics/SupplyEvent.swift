import SimKernel

/// What happened to supplies, as it happens, for logs and scripts.
///
/// Indices refer to `SupplyNetwork.sites` and `.deliveries`.
public enum SupplyEvent: Sendable, Equatable {
  case lowStock(site: Int, item: SupplyItem)
  case ranOut(site: Int, item: SupplyItem)
  case departed(delivery: Int)
  case arrived(delivery: Int)
  /// No open road from the depot to the destination at departure.
  case blocked(delivery: Int)
  /// A link ahead of the delivery's truck closed: it takes another route
  /// from the next node and arrives at `arrival`.
  case rerouted(delivery: Int, arrival: SimTime)
  /// Every road on to the destination closed under the delivery's truck:
  /// it fails and the truck drives its load back to the depot, arriving
  /// at `arrival` (nil: no road back either, it waits where it stopped).
  case turnedBack(delivery: Int, arrival: SimTime?)
  case reserveArrived(reserve: Int)
}
