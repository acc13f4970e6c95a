import SimKernel

/// One link of a route being travelled: the link, the node it leads to,
/// and the seconds from the route's start to that node.
public struct RouteLeg: Sendable, Equatable {
  /// Link index in the township.
  public let link: Int
  /// Node index reached at the end of the link.
  public let node: Int
  /// Seconds from the start of the route to `node`.
  public let seconds: Double

  public init(link: Int, node: Int, seconds: Double) {
    self.link = link
    self.node = node
    self.seconds = seconds
  }
}

/// A vehicle on its way: the route it took, from where and since when.
///
/// Teams and supply trucks both keep one so a closure ahead of them can be
/// met the same way: a vehicle cannot turn on a link, so it finishes the
/// link it is on and can change course only at the node at its end (or
/// where it stands, while it has not set off or is exactly at a node).
/// What it does there (another route, or turning back) is its owner's
/// business.
public struct RouteTrip: Sendable, Equatable {
  /// The node the route starts at.
  public var origin: Int
  /// When the vehicle leaves `origin`.
  public var start: SimTime
  /// The route's links in order (empty: it is at its target).
  public var legs: [RouteLeg]

  public init(origin: Int, start: SimTime, legs: [RouteLeg]) {
    self.origin = origin
    self.start = start
    self.legs = legs
  }

  /// When the vehicle reaches the end of the route.
  public var arrival: SimTime { start + (SimTime(seconds: legs.last?.seconds ?? 0) ?? .zero) }

  /// Where the vehicle can next change course at `now`: that node, when it
  /// gets there, and the legs after it; nil when it is arriving now or has
  /// arrived.
  public func nextTurn(at now: SimTime) -> (node: Int, time: SimTime, ahead: [RouteLeg])? {
    guard now > start else { return (origin, start, legs) }
    let elapsed = (now - start).seconds
    guard let k = legs.firstIndex(where: { $0.seconds > elapsed }) else { return nil }
    if k > 0, legs[k - 1].seconds == elapsed {
      return (legs[k - 1].node, now, Array(legs[k...]))
    }
    let reached = start + (SimTime(seconds: legs[k].seconds) ?? .zero)
    return (legs[k].node, reached, Array(legs[(k + 1)...]))
  }

  /// Whether a link of `ahead`, driven from `node` on, is closed to the
  /// vehicle (`canCross` answers for one link from its tail node).
  public static func isCut(
    from node: Int, ahead: [RouteLeg], canCross: (_ link: Int, _ tail: Int) -> Bool
  ) -> Bool {
    var tail = node
    for leg in ahead {
      guard canCross(leg.link, tail) else { return true }
      tail = leg.node
    }
    return false
  }
}
