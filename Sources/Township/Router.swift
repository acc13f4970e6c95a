/// How a route is travelled.
public enum TravelMode: Sendable, Equatable {
  /// By vehicle on road links, respecting one-ways, at each link's free speed.
  case drive
  /// On foot on roads and paths, both directions, at the given speed (m/s).
  case walk(speed: Double)
}

/// The answer to a route query.
public enum RouteResult: Sendable, Equatable {
  /// The fastest route: link indices in travel order and the travel time, seconds.
  case found(links: [Int], seconds: Double)
  /// No open route exists.
  case unreachable
}

/// Fastest-path routing on a township map, with links closed and reopened.
///
/// A* on travel time; the heuristic is straight-line distance over the
/// fastest speed on the map, which never overestimates, so routes are
/// optimal. Closing a link (flooded, burning, blocked) removes it in both
/// directions until it is reopened. Search state (costs, parents, heap) is
/// kept between queries and reset by a generation stamp, so a query costs
/// only the nodes it touches. A search that runs out of nodes answers
/// `.unreachable`; it never loops.
public final class Router {
  private let positions: [MapPoint]
  private let mode: TravelMode
  /// Outgoing arcs per node (CSR): target node, link index.
  private let arcStart: [Int]
  private let arcTarget: [Int]
  private let arcLink: [Int]
  private let arcSeconds: [Double]
  private let maxSpeed: Double
  private var closed: [Bool]
  /// The map: its links and its link ids (one index of them, not a copy
  /// per router).
  private let township: Township

  private var cost: [Double]
  private var parentArc: [Int]
  private var stamp: [UInt32]
  private var done: [UInt32]
  private var generation: UInt32 = 0
  private var heap = NodeHeap()

  /// Builds the routing graph of a map for one travel mode.
  public init(township: Township, mode: TravelMode = .drive) {
    positions = township.nodes.map(\.position)
    self.mode = mode
    var arcs: [(from: Int, to: Int, link: Int, seconds: Double)] = []
    var fastest = 0.0
    for (index, link) in township.links.enumerated() {
      switch mode {
      case .drive:
        guard link.mode == .road else { continue }
        arcs.append((link.from, link.to, index, link.freeTravelTime))
        if !link.oneway { arcs.append((link.to, link.from, index, link.freeTravelTime)) }
        fastest = max(fastest, link.speed)
      case .walk(let speed):
        arcs.append((link.from, link.to, index, link.length / speed))
        arcs.append((link.to, link.from, index, link.length / speed))
        fastest = speed
      }
    }
    arcs.sort { ($0.from, $0.link, $0.to) < ($1.from, $1.link, $1.to) }
    var start = [Int](repeating: 0, count: positions.count + 1)
    for arc in arcs { start[arc.from + 1] += 1 }
    for node in 0..<positions.count { start[node + 1] += start[node] }
    arcStart = start
    arcTarget = arcs.map(\.to)
    arcLink = arcs.map(\.link)
    arcSeconds = arcs.map(\.seconds)
    maxSpeed = max(fastest, 1e-9)
    closed = [Bool](repeating: false, count: township.links.count)
    self.township = township
    cost = [Double](repeating: 0, count: positions.count)
    parentArc = [Int](repeating: -1, count: positions.count)
    stamp = [UInt32](repeating: 0, count: positions.count)
    done = [UInt32](repeating: 0, count: positions.count)
  }

  /// Closes a link in both directions; false if no link has that id.
  @discardableResult
  public func close(linkID: String) -> Bool {
    guard let index = township.linkIndex(of: linkID) else { return false }
    closed[index] = true
    return true
  }

  /// Reopens a closed link; false if no link has that id.
  @discardableResult
  public func open(linkID: String) -> Bool {
    guard let index = township.linkIndex(of: linkID) else { return false }
    closed[index] = false
    return true
  }

  /// Whether a link is closed.
  public func isClosed(linkIndex: Int) -> Bool { closed[linkIndex] }

  /// The fastest open route as legs (each link, the node it reaches and
  /// the seconds to there), for a vehicle that may be re-routed on its
  /// way (`RouteTrip`); nil when every route is closed.
  public func legs(from source: Int, to target: Int) -> [RouteLeg]? {
    guard case .found(let path, _) = route(from: source, to: target) else { return nil }
    var legs: [RouteLeg] = []
    legs.reserveCapacity(path.count)
    var node = source
    var elapsed = 0.0
    for index in path {
      let link = township.links[index]
      node = link.from == node ? link.to : link.from
      switch mode {
      case .drive: elapsed += link.freeTravelTime
      case .walk(let speed): elapsed += link.length / speed
      }
      legs.append(RouteLeg(link: index, node: node, seconds: elapsed))
    }
    return legs
  }

  /// The fastest open route between two nodes (by index).
  public func route(from source: Int, to target: Int) -> RouteResult {
    guard positions.indices.contains(source), positions.indices.contains(target) else {
      return .unreachable
    }
    if source == target { return .found(links: [], seconds: 0) }
    nextGeneration()
    heap.removeAll()
    let goal = positions[target]
    stamp[source] = generation
    cost[source] = 0
    parentArc[source] = -1
    heap.push(positions[source].distance(to: goal) / maxSpeed, Int32(source))
    while let (_, settled) = heap.pop() {
      let node = Int(settled)
      if done[node] == generation { continue }
      done[node] = generation
      if node == target { return .found(links: path(to: target), seconds: cost[target]) }
      for arc in arcStart[node]..<arcStart[node + 1] where !closed[arcLink[arc]] {
        let next = arcTarget[arc]
        if done[next] == generation { continue }
        let candidate = cost[node] + arcSeconds[arc]
        if stamp[next] != generation || candidate < cost[next] {
          stamp[next] = generation
          cost[next] = candidate
          parentArc[next] = arc
          heap.push(candidate + positions[next].distance(to: goal) / maxSpeed, Int32(next))
        }
      }
    }
    return .unreachable
  }

  private func path(to target: Int) -> [Int] {
    var result: [Int] = []
    var node = target
    while parentArc[node] >= 0 {
      let arc = parentArc[node]
      result.append(arcLink[arc])
      node = arcNode(from: arc)
    }
    return result.reversed()
  }

  /// The tail node of an arc (binary search in the CSR offsets).
  private func arcNode(from arc: Int) -> Int {
    var low = 0
    var high = positions.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if arcStart[middle] <= arc { low = middle } else { high = middle - 1 }
    }
    return low
  }

  private func nextGeneration() {
    if generation == .max {
      for i in stamp.indices {
        stamp[i] = 0
        done[i] = 0
      }
      generation = 0
    }
    generation += 1
  }
}
