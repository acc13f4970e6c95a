import SimKernel
import Township

/// A vehicle that carries one load at a time from its depot.
public struct DeliveryVehicle: Sendable {
  /// Which way a busy vehicle is driving.
  public enum Leg: String, Sendable {
    /// To the delivery's destination with a load.
    case outbound
    /// Back to its depot, empty.
    case inbound
    /// Back to its depot with its load: every road ahead was cut.
    case turnedBack = "turned_back"
  }

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
  /// Stopped at a node with no open road back to its depot; it goes on
  /// when a change of the network opens one.
  public internal(set) var isStranded = false
  /// Deliveries waiting for it, first come first served.
  var waiting: [Int] = []
  /// The delivery under way.
  var delivery: Int?
  var leg = Leg.outbound
  /// The route it is on (no legs while it is not driving).
  var trip = RouteTrip(origin: 0, start: .zero, legs: [])
  var timer: TimerID?
  /// Units on board, and units of the delivery still at the depot for
  /// later trips.
  var carrying = 0.0
  var remaining = 0.0

  /// Jobs it has: the one under way and those waiting.
  var load: Int { waiting.count + (isBusy ? 1 : 0) }
}
