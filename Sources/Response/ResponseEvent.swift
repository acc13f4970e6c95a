import SimKernel

/// What the dispatch centre did, as it happens, for logs and scripts.
///
/// Indices refer to `DispatchCentre.teams` and `.incidents`.
public enum ResponseEvent: Sendable, Equatable {
  case reported(incident: Int)
  case dispatched(team: Int, incident: Int, arrival: SimTime)
  case arrived(team: Int, incident: Int)
  case completed(team: Int, incident: Int)
  /// A team finished its work and can take another job.
  case teamAvailable(team: Int)
  case returned(team: Int)
  /// A capable, available team had no open route to the scene.
  case routeBlocked(team: Int, incident: Int)
  case reinforcementRequested(team: String, arrival: SimTime)
  case reinforcementArrived(team: Int)
  case commandPostActivated
}

/// Who decides dispatch.
public enum DispatchPolicy: Sendable, Equatable {
  /// The default: by priority, then alarm time, the nearest capable
  /// available team by travel time on the current network.
  case nearestCapable
  /// Someone else (a script) calls `dispatch(team:to:)`; the centre only
  /// queues incidents and reports events.
  case external
}

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

  /// Whether a new job can be given to it now.
  public var isAvailable: Bool { state == .available || state == .returning }
}

/// An incident and its timeline: alarm, dispatch, arrival, completion.
public struct IncidentRecord: Sendable {
  public let incident: Incident
  public let alarm: SimTime
  public internal(set) var dispatched: SimTime?
  public internal(set) var arrived: SimTime?
  public internal(set) var completed: SimTime?
  public internal(set) var team: Int?

  /// Waiting for a team.
  public var isQueued: Bool { team == nil && completed == nil }
}
