import Testing
import Township

/// Routing: A* agrees with a plain Dijkstra, closures reroute, cut-offs answer unreachable.
@Suite struct RoutingTests {
  /// A jittered lattice with random one-ways and speeds, deterministic from a seed.
  static func lattice(size: Int, seed: UInt64) throws -> Township {
    var state = seed
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var nodes: [Node] = []
    for row in 0..<size {
      for column in 0..<size {
        nodes.append(
          Node(
            id: "n\(row)-\(column)",
            position: MapPoint(
              x: Double(column) * 100 + next() * 30, y: Double(row) * 100 + next() * 30)))
      }
    }
    var links: [Link] = []
    func connect(_ a: Int, _ b: Int) {
      let length = nodes[a].position.distance(to: nodes[b].position) * (1 + next())
      links.append(
        Link(
          id: "l\(links.count)", from: a, to: b, length: length, mode: .road,
          speed: 5 + next() * 20, capacity: 0.5, oneway: next() < 0.2))
    }
    for row in 0..<size {
      for column in 0..<size {
        let here = row * size + column
        if column + 1 < size { connect(here, here + 1) }
        if row + 1 < size { connect(here, here + size) }
      }
    }
    return try Township(nodes: nodes, links: links)
  }

  /// Textbook Dijkstra over the same arcs, O(n^2), as the oracle.
  static func referenceSeconds(
    _ map: Township, from source: Int, to target: Int, closed: Set<Int> = []
  )
    -> Double?
  {
    var arcs = [[(Int, Double)]](repeating: [], count: map.nodes.count)
    for (index, link) in map.links.enumerated() where link.mode == .road && !closed.contains(index)
    {
      arcs[link.from].append((link.to, link.length / link.speed))
      if !link.oneway { arcs[link.to].append((link.from, link.length / link.speed)) }
    }
    var distance = [Double](repeating: .infinity, count: map.nodes.count)
    var settled = [Bool](repeating: false, count: map.nodes.count)
    distance[source] = 0
    while true {
      var best = -1
      for node in distance.indices where !settled[node] && distance[node] < .infinity {
        if best < 0 || distance[node] < distance[best] { best = node }
      }
      if best < 0 { return nil }
      if best == target { return distance[best] }
      settled[best] = true
      for (next, seconds) in arcs[best] where distance[best] + seconds < distance[next] {
        distance[next] = distance[best] + seconds
      }
    }
  }

  @Test func agreesWithReferenceDijkstraOnAThousandPairs() throws {
    let map = try Self.lattice(size: 12, seed: 7)
    let router = Router(township: map)
    var state: UInt64 = 99
    var unreachable = 0
    for _ in 0..<1000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1
      let source = Int((state >> 33) % UInt64(map.nodes.count))
      let target = Int((state >> 13) % UInt64(map.nodes.count))
      let expected = Self.referenceSeconds(map, from: source, to: target)
      switch router.route(from: source, to: target) {
      case .found(let links, let seconds):
        let oracle = try #require(expected)
        #expect(abs(seconds - oracle) <= 1e-9 * max(1, oracle))
        // The path is connected, starts at the source and ends at the target.
        var at = source
        var sum = 0.0
        for index in links {
          let link = map.links[index]
          if link.from == at {
            at = link.to
          } else if !link.oneway && link.to == at {
            at = link.from
          } else {
            Issue.record("route is not a chain of usable links")
          }
          sum += link.freeTravelTime
        }
        #expect(at == target)
        #expect(abs(sum - seconds) <= 1e-6)
      case .unreachable:
        #expect(expected == nil)
        unreachable += 1
      }
    }
    #expect(unreachable < 1000)
  }

  @Test func closingALinkReroutesAndReopeningRestores() throws {
    let map = try Self.lattice(size: 6, seed: 3)
    let router = Router(township: map)
    let source = 0
    let target = map.nodes.count - 1
    guard case .found(let first, let seconds) = router.route(from: source, to: target) else {
      Issue.record("expected a route")
      return
    }
    let closedIndex = try #require(first.first)
    router.close(linkID: map.links[closedIndex].id)
    let expected = Self.referenceSeconds(map, from: source, to: target, closed: [closedIndex])
    switch router.route(from: source, to: target) {
    case .found(let rerouted, let newSeconds):
      #expect(!rerouted.contains(closedIndex))
      #expect(newSeconds >= seconds)
      #expect(abs(newSeconds - (expected ?? -1)) < 1e-9 * newSeconds)
    case .unreachable:
      #expect(expected == nil)
    }
    router.open(linkID: map.links[closedIndex].id)
    #expect(router.route(from: source, to: target) == .found(links: first, seconds: seconds))
  }

  @Test func closingEveryExitAnswersUnreachable() throws {
    let map = try Self.lattice(size: 8, seed: 11)
    let router = Router(township: map)
    let target = map.nodes.count - 1
    // Close every link touching the target: no way in, no hang.
    for link in map.links where link.from == target || link.to == target {
      router.close(linkID: link.id)
    }
    #expect(router.route(from: 0, to: target) == .unreachable)
    #expect(router.route(from: target, to: 0) == .unreachable)
    #expect(router.close(linkID: "no-such-link") == false)
  }

  @Test func walkersUseBothDirectionsOfOneWays() throws {
    let nodes = [
      Node(id: "a", position: MapPoint(x: 0, y: 0)),
      Node(id: "b", position: MapPoint(x: 100, y: 0)),
    ]
    let links = [
      Link(id: "ab", from: 0, to: 1, length: 100, mode: .road, speed: 10, capacity: 1, oneway: true)
    ]
    let map = try Township(nodes: nodes, links: links)
    #expect(Router(township: map).route(from: 1, to: 0) == .unreachable)
    let walk = Router(township: map, mode: .walk(speed: 1.25))
    #expect(walk.route(from: 1, to: 0) == .found(links: [0], seconds: 80))
  }
}
