import SimKernel
import Township

/// Where a team is in its cycle.
public enum TeamState: String, Sendable, Equatable {
  /// At its station or a scene, free for a job.
  case available
  case callingOut = "calling_out"
  case travelling
  case working
  /// Driving home; free for a job on the way.
  case returning
  /// Requested from the county and not arrived yet.
  case enRoute = "en_route"
}

/// A team and what it is doing.
public struct Team: Sendable {
  public let spec: TeamSpec
  public internal(set) var state: TeamState
  /// The node it is at, or last left.
  public internal(set) var node: Int
  public internal(set) var incident: Int?
  /// When it joined the response (0, or a reinforcement's arrival).
  public internal(set) var since: SimTime
  /// Seconds committed to incidents (dispatch to completion) so far.
  public internal(set) var busySeconds: Double = 0
  public internal(set) var jobs = 0
  var busySince: SimTime?
  var timer: TimerID?
  /// Whether it is at its station and must turn out (call-out delay).
  var atStation: Bool
  /// The route it is on to its incident (no legs when not travelling, or
  /// when the routing gives no links): what a closure ahead of it is
  /// checked against.
  var trip = RouteTrip(origin: 0, start: .zero, legs: [])

  /// Whether a new job can be given to it now.
  public var isAvailable: Bool { state == .available || state == .returning }
}
