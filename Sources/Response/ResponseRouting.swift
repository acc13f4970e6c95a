import SimKernel
import Township

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

  /// The fastest route's links, in order; nil when every route is closed.
  func route(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> [RouteLeg]?

  /// Whether `conveyance` may cross link `index` from node `tail` now.
  func canCross(link index: Int, from tail: Int, by conveyance: Conveyance) -> Bool

  /// Every node `source` can reach by `conveyance` on the network as it is
  /// at `time`: exactly the targets `travelTime` answers for. Nil when the
  /// routing cannot tell; dispatch then asks `travelTime` for each scene.
  func reachable(from source: Int, by conveyance: Conveyance, at time: SimTime)
    -> ReachableNodes?

  /// Counts changes to the network: while it stays the same, so does
  /// every travel time and reach. Nil when the routing cannot tell;
  /// dispatch then asks again about every queued incident each time.
  func networkVersion() -> Int?
}

/// Routes link by link, so a team on its way can be re-routed when a link
/// ahead of it closes (`DispatchCentre.networkChanged()`).
extension ResponseRouting {
  /// The fastest route's links, in order; nil when every route is closed
  /// or the routing does not know its links (then a team is never
  /// re-routed on its way).
  public func route(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> [RouteLeg]?
  { nil }

  /// Whether `conveyance` may cross link `index` from node `tail` now.
  public func canCross(link index: Int, from tail: Int, by conveyance: Conveyance) -> Bool { true }

  /// Nil: the routing cannot tell, so dispatch asks `travelTime`.
  public func reachable(from source: Int, by conveyance: Conveyance, at time: SimTime)
    -> ReachableNodes?
  { nil }

  /// Nil: the routing cannot tell when it changed.
  public func networkVersion() -> Int? { nil }
}
