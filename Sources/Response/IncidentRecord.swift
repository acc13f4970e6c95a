import SimKernel

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
