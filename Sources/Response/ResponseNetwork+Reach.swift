import SimKernel

/// Where a team can get to at all: one forward search from where it
/// stands answers every scene in the backlog.
///
/// The arcs are the ones the reverse search crosses (a link from the tail
/// that `seconds(link:from:by:)` allows, at a finite time), so a node is in
/// the set exactly when `travelTime(from:to:by:at:)` from the source to it
/// is not nil. Sets are kept per source node and conveyance until a link
/// changes state.
extension ResponseNetwork {
  /// How many sets are kept before all are dropped: teams stand at a few
  /// hundred places at most between two link changes.
  static let reachKept = 512

  /// The nodes `source` can reach by `conveyance` on the network as it is
  /// now (empty for a node not on the map).
  public func reachable(from source: Int, by conveyance: Conveyance, at time: SimTime)
    -> ReachableNodes?
  {
    let nodeCount = township.nodes.count
    guard township.nodes.indices.contains(source) else { return ReachableNodes(count: nodeCount) }
    if reachVersion != version || reach.count >= Self.reachKept {
      reach.removeAll(keepingCapacity: true)
      reachVersion = version
    }
    let key = source * Conveyance.allCases.count + conveyance.ordinal
    if let kept = reach[key] { return kept }
    var found = ReachableNodes(count: nodeCount)
    found.insert(source)
    var stack = [source]
    let links = costs
    while let node = stack.popLast() {
      for index in incident[node] {
        let link = links[index]
        let other = link.from == node ? link.to : link.from
        guard !found.contains(other), let step = seconds(link: index, from: node, by: conveyance),
          step < .infinity
        else { continue }
        found.insert(other)
        stack.append(other)
      }
    }
    reach[key] = found
    return found
  }
}

extension Conveyance {
  /// Its place in `allCases`, for keys.
  var ordinal: Int {
    switch self {
    case .car: return 0
    case .boat: return 1
    case .foot: return 2
    }
  }
}
