import SimKernel

/// One delivery order: what, how much, from where to where, and when.
public struct Delivery: Sendable {
  public let item: SupplyItem
  public let amount: Double
  public let from: Int
  public let to: Int
  public let vehicle: Int
  public let ordered: SimTime
  public internal(set) var departed: SimTime?
  /// When the last load arrived.
  public internal(set) var arrived: SimTime?
  /// Units actually loaded (the depot may have had less).
  public internal(set) var loaded: Double = 0
  public internal(set) var blocked = false
}

/// Road travel time for delivery vehicles: seconds from node to node on
/// the network as it is at a time, nil when every route is closed.
///
/// The scenario layer passes the run's live map (closures included);
/// tests pass a `Router` over a small township.
public typealias DeliveryRouting = (_ from: Int, _ to: Int, _ at: SimTime) -> Double?
