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
  /// A capable, available team had no open route to the scene (also a
  /// team on its way whose every route closed: it turns back).
  case routeBlocked(team: Int, incident: Int)
  /// A link ahead of a team on its way closed: it takes another route from
  /// the next node it reaches and arrives at `arrival`.
  case rerouted(team: Int, incident: Int, arrival: SimTime)
  case reinforcementRequested(team: String, arrival: SimTime)
  case reinforcementArrived(team: Int)
  case commandPostActivated
}
