import SimKernel
import Township

/// A township's links as responders see them: open, flooded or blocked.
///
/// Cars use open road links (respecting one-ways) at free speed; boats are
/// trailered like cars on open roads and cross flooded links of any mode
/// afloat at `boatSpeed`, in either direction; walkers use every open link
/// both ways at `walkSpeed`. A blocked link (debris, fire, collapse) stops
/// everyone. Travel times come from one reverse Dijkstra per target and
/// conveyance, cached until a link changes state, so asking every team for
/// its time to one incident costs one search.
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
  private let incident: [[Int]]
  private var version = 0
  private var cache: [Conveyance: CachedSearch] = [:]

  private struct CachedSearch {
    let target: Int
    let version: Int
    let seconds: [Double]
    /// Per node: the link its fastest route to the target starts with.
    let next: [Int]
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

  public func travelTime(
    from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime
  ) -> Double? {
    guard township.nodes.indices.contains(source), township.nodes.indices.contains(target) else {
      return nil
    }
    let seconds = searched(to: target, by: conveyance).seconds
    return seconds[source].isFinite ? seconds[source] : nil
  }

  public func route(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> [RouteLeg]?
  {
    guard township.nodes.indices.contains(source), township.nodes.indices.contains(target) else {
      return nil
    }
    let search = searched(to: target, by: conveyance)
    guard search.seconds[source].isFinite else { return nil }
    var legs: [RouteLeg] = []
    var node = source
    var elapsed = 0.0
    while node != target {
      let index = search.next[node]
      guard index >= 0, let step = seconds(link: index, from: node, by: conveyance) else {
        return nil
      }
      let link = township.links[index]
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

  /// The cached search to `target` by `conveyance`, run again when a link
  /// changed state since.
  private func searched(to target: Int, by conveyance: Conveyance) -> CachedSearch {
    if let cached = cache[conveyance], cached.target == target, cached.version == version {
      return cached
    }
    let (seconds, next) = search(to: target, by: conveyance)
    let fresh = CachedSearch(target: target, version: version, seconds: seconds, next: next)
    cache[conveyance] = fresh
    return fresh
  }

  /// Seconds to cross link `index` from node `tail`, or nil if not allowed.
  func seconds(link index: Int, from tail: Int, by conveyance: Conveyance) -> Double? {
    let link = township.links[index]
    let forward = tail == link.from
    let roadDirectionOK = forward || !link.oneway
    switch (states[index], conveyance) {
    case (.blocked, _): return nil
    case (.flooded, .boat): return link.length / boatSpeed
    case (.flooded, _): return nil
    case (.open, .car), (.open, .boat):
      guard link.mode == .road, roadDirectionOK else { return nil }
      return link.freeTravelTime
    case (.open, .foot): return link.length / walkSpeed
    }
  }

  /// Seconds from every node to `target` (infinity where unreachable),
  /// and the link each node's route starts with (-1 for none).
  private func search(to target: Int, by conveyance: Conveyance) -> ([Double], [Int]) {
    var cost = [Double](repeating: .infinity, count: township.nodes.count)
    var next = [Int](repeating: -1, count: township.nodes.count)
    var done = [Bool](repeating: false, count: township.nodes.count)
    var heap = NodeHeap()
    cost[target] = 0
    heap.push(0, target)
    while let (key, node) = heap.pop() {
      if done[node] || key > cost[node] { continue }
      done[node] = true
      for index in incident[node] {
        let link = township.links[index]
        let other = link.from == node ? link.to : link.from
        // The arc runs other -> node: a reverse search.
        guard !done[other], let step = seconds(link: index, from: other, by: conveyance) else {
          continue
        }
        let candidate = cost[node] + step
        if candidate < cost[other] {
          cost[other] = candidate
          next[other] = index
          heap.push(candidate, other)
        }
      }
    }
    return (cost, next)
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
