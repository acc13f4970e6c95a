import SimKernel
import Township

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
  /// No open road from the depot to the destination at departure.
  public internal(set) var blocked = false
  /// Times its truck took another route because a link ahead closed.
  public internal(set) var reroutes = 0
  /// Seconds the re-routes added to the arrivals they changed.
  public internal(set) var rerouteDelay = 0.0
  /// Why it failed on the way (every road to the destination cut), nil
  /// while it has not; what was not delivered went back to the depot.
  public internal(set) var failure: String?
  /// Units that went back to the depot when it failed.
  public internal(set) var returned: Double = 0
}

/// The road network as delivery trucks see it now: routes as legs, and
/// which links are closed.
///
/// The scenario layer passes the run's live driving router (script and
/// hazard closures included); tests pass a `Router` over a small
/// township. A truck keeps the route it was given until a link on it
/// closes (`SupplyNetwork.networkChanged()`).
public protocol DeliveryRoads: AnyObject {
  /// The fastest open route's legs from node `source` to node `target`;
  /// nil when every route is closed.
  func legs(from source: Int, to target: Int) -> [RouteLeg]?
  /// Whether link `linkIndex` is closed to trucks.
  func isClosed(linkIndex: Int) -> Bool
}

extension Router: DeliveryRoads {}
