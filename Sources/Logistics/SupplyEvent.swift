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
  case reserveArrived(reserve: Int)
}
