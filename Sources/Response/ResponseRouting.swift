import SimKernel

/// How a team travels: by car (road links only), by boat (trailered on dry
/// roads, afloat across flooded links) or on foot.
public enum Conveyance: String, Sendable, CaseIterable {
  case car
  case boat
  case foot
}

/// Travel times on the network as it is at a given moment.
///
/// Dispatch asks only this, so the scenario layer can plug in the run's
/// live map (with its flood and fire closures) while tests use a
/// `ResponseNetwork` over a small township.
public protocol ResponseRouting: AnyObject {
  /// Seconds from node `source` to node `target` by `conveyance` on the
  /// network as it is at `time`; nil when every route is closed.
  func travelTime(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> Double?
}
