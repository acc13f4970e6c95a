/// Network repairs after the build: one-way dead ends, dangling ends, islands.
///
/// Policy: an extract cuts roads at its border, so a one-way carriageway
/// that leaves the map becomes a trap a car can enter and never leave (or a
/// source it can never reach). Every one-way road link that is not inside
/// the largest strongly connected component is made two-way (as if traffic
/// police opened it both ways in an emergency) and counted. One-way links
/// inside that component are left alone. Then the shortest chain of
/// drivable paths from each road island to the component is opened to
/// vehicles (`openConnectorPaths`), and one-ways still outside it are made
/// two-way again. Dangling ends (cul-de-sacs and cut ends) are kept and
/// counted, as are near misses (a dangling end within 5 m of a road node it
/// does not connect to: likely a digitising gap).
/// Road islands that stay outside the component are kept in the map and
/// reported with their length; routing to them answers "unreachable".
extension OSMImporter {
  mutating func repairNetwork() {
    let before = StrongComponents(nodeCount: nodes.count, links: links)
    report.shareBeforeRepair = before.largestShare(of: links)
    openOnewaysOutside(before)
    var wayTags: [Int64: [String: String]] = [:]
    for way in extract.ways where way.tags["highway"] != nil { wayTags[way.id] = way.tags }
    openConnectorPaths(wayTags: wayTags)
    openOnewaysOutside(StrongComponents(nodeCount: nodes.count, links: links))
    let after = StrongComponents(nodeCount: nodes.count, links: links)
    report.shareAfterRepair = after.largestShare(of: links)
    var islandComponents = Set<Int>()
    var islandLength = 0.0
    for link in links where link.mode == .road && !after.isInLargest(link) {
      islandComponents.insert(after.componentOfNode[link.from])
      islandLength += link.length
    }
    report.islands = islandComponents.count
    report.islandLength = islandLength
    countDanglingEnds()
  }

  private mutating func openOnewaysOutside(_ components: StrongComponents) {
    for index in links.indices
    where links[index].mode == .road && links[index].oneway
      && !components.isInLargest(links[index])
    {
      links[index].oneway = false
      report.onewayRepairs += 1
      report.onewayRepairLength += links[index].length
    }
  }

  private mutating func countDanglingEnds() {
    var neighbours = [Set<Int>](repeating: [], count: nodes.count)
    for link in links where link.mode == .road && link.from != link.to {
      neighbours[link.from].insert(link.to)
      neighbours[link.to].insert(link.from)
    }
    let index = SpatialIndex(nodes: nodes, links: [], cellSize: 50)
    for node in nodes.indices where neighbours[node].count == 1 {
      report.danglingEnds += 1
      let nearest = index.nearestNode(to: nodes[node].position) { other in
        other != node && !neighbours[other].isEmpty && !neighbours[node].contains(other)
      }
      if let nearest,
        nodes[nearest].position.distance(to: nodes[node].position)
          <= ImportReport.nearMissDistance
      {
        report.nearMissEnds += 1
      }
    }
  }
}
