import SimKernel

/// A vehicle that carries one load at a time from its depot.
public struct DeliveryVehicle: Sendable {
  public let id: String
  /// Index of its depot in `SupplyNetwork.sites`.
  public let depot: Int
  /// Units of any one item per trip.
  public let capacity: Double
  /// When it is back at its depot from its current job (its last one
  /// when idle).
  public internal(set) var freeAt: SimTime = .zero
  public internal(set) var trips = 0
  /// Out on a delivery.
  public internal(set) var isBusy = false
  /// Deliveries waiting for it, first come first served.
  var waiting: [Int] = []

  /// Jobs it has: the one under way and those waiting.
  var load: Int { waiting.count + (isBusy ? 1 : 0) }
}
