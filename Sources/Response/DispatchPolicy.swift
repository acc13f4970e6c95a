/// Who decides dispatch.
public enum DispatchPolicy: Sendable, Equatable {
  /// The default: by priority, then alarm time, the nearest capable
  /// available team by travel time on the current network.
  case nearestCapable
  /// Someone else (a script) calls `dispatch(team:to:)`; the centre only
  /// queues incidents and reports events.
  case external
}
