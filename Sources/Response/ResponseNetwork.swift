import SimKernel
import Township

/// A township's links as responders see them: open, flooded or blocked.
///
/// Cars use open road links (respecting one-ways) at free speed; boats are
/// trailered like cars on open roads and cross flooded links of any mode
/// afloat at `boatSpeed`, in either direction; walkers use every open link
/// both ways at `walkSpeed`. A blocked link (debris, fire, collapse) stops
/// everyone. Travel times come from one reverse Dijkstra per target and
/// conveyance, kept until a link changes state and run only as far as the
/// teams asked about (`ReverseSearch`), so asking every team for its time
/// to one incident costs at most one search. Whether a team can get
/// anywhere at all comes from one forward search per team position and
/// conveyance (`reachable(from:by:at:)`, ResponseNetwork+Reach), kept
/// likewise.
public final class ResponseNetwork: ResponseRouting {
  /// The state of one link.
  public enum LinkState: Sendable, Equatable {
    case open
    case flooded
    case blocked
  }

  public let township: Township
  /// Boat speed on water, m/s.
  public let boatSpeed: Double
  /// Walking speed of a team on foot, m/s.
  public let walkSpeed: Double
  private var states: [LinkState]
  /// Links touching each node, in link order.
  let incident: [[Int]]
  /// Counts link state changes: searches of an older version are stale.
  private(set) var version = 0
  /// The latest search to a target, per conveyance.
  private var searches: [Conveyance: ReverseSearch] = [:]
  /// Forward reach by source node and conveyance (see +Reach), all of
  /// `reachVersion`; looked up, never iterated.
  var reach: [Int: ReachableNodes] = [:]
  var reachVersion = 0
  /// Per link, what a search reads: the map's records carry ids and
  /// shapes that every copy would retain, once per arc crossed.
  let costs: [LinkCost]

  /// The fields of a link a search reads.
  struct LinkCost {
    let from: Int
    let to: Int
    let length: Double
    let freeTravelTime: Double
    let isRoad: Bool
    let oneway: Bool
  }

  /// Builds the network of a map with every link open.
  public init(township: Township, boatSpeed: Double = 2.5, walkSpeed: Double = 1.34) {
    self.township = township
    self.boatSpeed = boatSpeed
    self.walkSpeed = walkSpeed
    states = [LinkState](repeating: .open, count: township.links.count)
    var touching = [[Int]](repeating: [], count: township.nodes.count)
    for (index, link) in township.links.enumerated() {
      touching[link.from].append(index)
      if link.to != link.from { touching[link.to].append(index) }
    }
    incident = touching
    costs = township.links.map { link in
      LinkCost(
        from: link.from, to: link.to, length: link.length, freeTravelTime: link.freeTravelTime,
        isRoad: link.mode == .road, oneway: link.oneway)
    }
  }

  /// Sets a link's state; throws for an unknown link id.
  public func set(_ state: LinkState, link id: String) throws(ResponseError) {
    guard let index = township.linkIndex(of: id) else {
      throw ResponseError("link \(id)", "no such link on the map")
    }
    if states[index] != state {
      states[index] = state
      version += 1
    }
  }

  /// The state of a link by index.
  public func state(ofLink index: Int) -> LinkState { states[index] }

  /// Counts link state changes (see `ResponseRouting.networkVersion()`).
  public func networkVersion() -> Int? { version }

  public func travelTime(
    from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime
  ) -> Double? {
    guard township.nodes.indices.contains(source), township.nodes.indices.contains(target) else {
      return nil
    }
    let search = searched(to: target, by: conveyance)
    search.settle(source)
    return search.seconds[source].isFinite ? search.seconds[source] : nil
  }

  public func route(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> [RouteLeg]?
  {
    guard township.nodes.indices.contains(source), township.nodes.indices.contains(target) else {
      return nil
    }
    let search = searched(to: target, by: conveyance)
    search.settle(source)
    guard search.seconds[source].isFinite else { return nil }
    var legs: [RouteLeg] = []
    var node = source
    var elapsed = 0.0
    while node != target {
      let index = search.next[node]
      guard index >= 0, let step = seconds(link: index, from: node, by: conveyance) else {
        return nil
      }
      let link = costs[index]
      node = link.from == node ? link.to : link.from
      elapsed += step
      legs.append(RouteLeg(link: index, node: node, seconds: elapsed))
    }
    return legs
  }

  public func canCross(link index: Int, from tail: Int, by conveyance: Conveyance) -> Bool {
    township.links.indices.contains(index)
      && seconds(link: index, from: tail, by: conveyance) != nil
  }

  /// The search to `target` by `conveyance`, started afresh when the
  /// target changed or a link changed state since.
  private func searched(to target: Int, by conveyance: Conveyance) -> ReverseSearch {
    if let kept = searches[conveyance], kept.target == target, kept.version == version {
      return kept
    }
    let fresh = ReverseSearch(to: target, by: conveyance, on: self)
    searches[conveyance] = fresh
    return fresh
  }

  /// Seconds to cross link `index` from node `tail`, or nil if not allowed.
  func seconds(link index: Int, from tail: Int, by conveyance: Conveyance) -> Double? {
    let link = costs[index]
    let forward = tail == link.from
    let roadDirectionOK = forward || !link.oneway
    switch (states[index], conveyance) {
    case (.blocked, _): return nil
    case (.flooded, .boat): return link.length / boatSpeed
    case (.flooded, _): return nil
    case (.open, .car), (.open, .boat):
      guard link.isRoad, roadDirectionOK else { return nil }
      return link.freeTravelTime
    case (.open, .foot): return link.length / walkSpeed
    }
  }
}

/// A binary min-heap of (cost, node), ties broken by node index.
struct NodeHeap {
  private var items: [(key: Double, node: Int)] = []

  private static func less(_ a: (key: Double, node: Int), _ b: (key: Double, node: Int)) -> Bool {
    a.key < b.key || (a.key == b.key && a.node < b.node)
  }

  mutating func push(_ key: Double, _ node: Int) {
    items.append((key, node))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard NodeHeap.less(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < items.count else { break }
        let right = left + 1
        let smallest =
          right < items.count && NodeHeap.less(items[right], items[left]) ? right : left
        guard NodeHeap.less(items[smallest], items[parent]) else { break }
        items.swapAt(smallest, parent)
        parent = smallest
      }
    }
    return (top.key, top.node)
  }
}
