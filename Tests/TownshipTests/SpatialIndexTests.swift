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
