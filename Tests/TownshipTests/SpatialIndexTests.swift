import Testing
import Township

/// Nearest-node and links-in-a-cell queries agree with brute force.
@Suite struct SpatialIndexTests {
  @Test func nearestNodeMatchesBruteForce() throws {
    let map = try RoutingTests.lattice(size: 10, seed: 5)
    let index = SpatialIndex(nodes: map.nodes, links: map.links, cellSize: 120)
    for step in 0..<200 {
      let point = MapPoint(x: Double(step * 37 % 1300) - 100, y: Double(step * 53 % 1300) - 100)
      let found = try #require(index.nearestNode(to: point))
      let best = map.nodes.indices.min {
        map.nodes[$0].position.distance(to: point) < map.nodes[$1].position.distance(to: point)
      }
      #expect(
        map.nodes[found].position.distance(to: point)
          == map.nodes[best ?? -1].position.distance(to: point))
    }
  }

  @Test func linksInACellIncludeEveryLinkCrossingIt() throws {
    let map = try RoutingTests.lattice(size: 10, seed: 5)
    let index = SpatialIndex(nodes: map.nodes, links: map.links, cellSize: 100)
    let point = MapPoint(x: 450, y: 450)
    let found = Set(index.links(inCellContaining: point))
    for (i, link) in map.links.enumerated() {
      let a = map.nodes[link.from].position
      let b = map.nodes[link.to].position
      // A link whose straight segment passes through the cell interior must be found.
      let crosses = (0...100).contains { k in
        let t = Double(k) / 100
        let x = a.x + (b.x - a.x) * t
        let y = a.y + (b.y - a.y) * t
        return x >= 400 && x < 500 && y >= 400 && y < 500
      }
      if crosses { #expect(found.contains(i)) }
    }
    #expect(!found.isEmpty)
    #expect(index.links(inCellContaining: point) == found.sorted())
  }
}

/// A stray far-off node (800 km away) once made nearest-node queries walk
/// tens of thousands of empty rings (found by fuzz-osm as a timeout).
extension SpatialIndexTests {
  static let farNodes = [
    Node(id: "a", position: MapPoint(x: 0, y: 0)),
    Node(id: "b", position: MapPoint(x: 30, y: 40)),
    Node(id: "far", position: MapPoint(x: 800_000, y: 800_000)),
  ]

  @Test func nearestNodeWithAFarOffNodeAnswersAtOnce() {
    let index = SpatialIndex(nodes: Self.farNodes, links: [], cellSize: 50)
    let clock = ContinuousClock()
    let start = clock.now
    #expect(index.nearestNode(to: MapPoint(x: 1, y: 1)) { $0 != 0 } == 1)
    #expect(index.nearestNode(to: MapPoint(x: 799_000, y: 799_000)) == 2)
    #expect(index.nearestNode(to: MapPoint(x: 0, y: 0)) { _ in false } == nil)
    #expect(clock.now - start < .seconds(1))
  }

  @Test func aLinkToAFarOffNodeIsACandidateEverywhere() {
    let link = Link(
      id: "a-far", from: 0, to: 2, length: 1_131_371, mode: .road, lanes: 1, speed: 20,
      capacity: 0.5, width: 3, oneway: false, roadClass: nil, shape: [])
    let index = SpatialIndex(nodes: Self.farNodes, links: [link], cellSize: 250)
    #expect(index.links(inCellContaining: MapPoint(x: 400_000, y: 400_000)) == [0])
    #expect(
      index.links(inRectangleFrom: MapPoint(x: -10, y: -10), to: MapPoint(x: 10, y: 10)) == [0])
  }
}

/// An index over bare points answers with the same point a scan in index
/// order would: the nearest, ties to the lower index.
extension SpatialIndexTests {
  @Test func nearestPointMatchesAScanIncludingTies() throws {
    // A 7 x 7 lattice of 300 m, every point twice (exact ties), and some
    // odd ones between.
    var points: [MapPoint] = []
    for row in 0..<7 {
      for column in 0..<7 {
        let point = MapPoint(x: Double(column) * 300, y: Double(row) * 300)
        points += [point, point]
      }
    }
    points += [MapPoint(x: 150, y: 150), MapPoint(x: 1234, y: 987), MapPoint(x: -400, y: 2500)]
    let index = SpatialIndex(points: points, cellSize: 1000)
    for step in 0..<400 {
      let query = MapPoint(x: Double(step * 37 % 2600) - 300, y: Double(step * 53 % 2600) - 300)
      var first = 0
      for candidate in points.indices
      where points[candidate].distance(to: query) < points[first].distance(to: query) {
        first = candidate
      }
      #expect(index.nearestNode(to: query) == first)
    }
  }
}
