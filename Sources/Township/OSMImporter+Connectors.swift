/// Opens drivable paths that are the only link between a road island and
/// the main network.
///
/// In Krems the farm tracks south of the Danube reach the town only along
/// the Treppelweg, the towpath on the levee: mapped as `highway=cycleway`
/// with `tracktype=grade1`, i.e. a paved track a tractor or a fire engine
/// uses. As a path it leaves 14 km of tracks unreachable by car. Policy: a
/// path link counts as drivable when its way is not steps, does not forbid
/// vehicles (`access`, `vehicle`, `motor_vehicle` or `motorcar` = no or
/// private) and
/// carries evidence of a vehicle-wide way: a `tracktype` tag, one of those
/// access keys set to yes, agricultural, forestry, destination, delivery,
/// permissive or emergency, or a `width` of at least 3 m. For each road
/// island the shortest chain (by length) through road links and drivable
/// paths to the largest strongly connected component is found, and only
/// the path links on that chain become road links, two-way, at the free
/// speed and capacity of a track (`RoadClass` "track"); they keep their OSM
/// class, so `links` shows e.g. class "cycleway" with mode "road". Every
/// opened link is counted in the import report; islands with no such chain
/// stay islands and are reported.
extension OSMImporter {
  static let forbiddingValues: Set<String> = ["no", "private"]
  static let permittingValues: Set<String> = [
    "yes", "agricultural", "forestry", "destination", "delivery", "permissive", "emergency",
  ]
  static let vehicleAccessKeys = ["access", "vehicle", "motor_vehicle", "motorcar"]

  /// Whether an OSM way mapped as a path is wide and open enough for vehicles.
  public static func isDrivablePath(_ tags: [String: String]) -> Bool {
    guard tags["highway"] != "steps" else { return false }
    let access = vehicleAccessKeys.compactMap { tags[$0]?.lowercased() }
    if access.contains(where: forbiddingValues.contains) { return false }
    if tags["tracktype"] != nil || access.contains(where: permittingValues.contains) { return true }
    if let width = tags["width"].flatMap({ Double($0.split(separator: " ").first ?? "") }) {
      return width >= 3
    }
    return false
  }

  /// Turns the drivable path chains that join road islands to the main component into roads.
  mutating func openConnectorPaths(wayTags: [Int64: [String: String]]) {
    let components = StrongComponents(nodeCount: nodes.count, links: links)
    var onRoad = [Bool](repeating: false, count: nodes.count)
    var inLargest = [Bool](repeating: false, count: nodes.count)
    for link in links where link.mode == .road {
      onRoad[link.from] = true
      onRoad[link.to] = true
      if components.isInLargest(link) {
        inLargest[link.from] = true
        inLargest[link.to] = true
      }
    }
    guard inLargest.contains(true) else { return }
    var adjacency = [[Int]](repeating: [], count: nodes.count)
    for (index, link) in links.enumerated() {
      let usable =
        link.mode == .road
        || (wayOfLink[index].flatMap { wayTags[$0] }.map(Self.isDrivablePath) ?? false)
      guard usable, link.from != link.to else { continue }
      adjacency[link.from].append(index)
      adjacency[link.to].append(index)
    }
    // Multi-source Dijkstra from the largest component, undirected.
    var distance = [Double](repeating: .infinity, count: nodes.count)
    var via = [Int](repeating: -1, count: nodes.count)
    var heap = NodeHeap()
    for node in nodes.indices where inLargest[node] {
      distance[node] = 0
      heap.push(0, Int32(node))
    }
    while let (key, settled) = heap.pop() {
      let node = Int(settled)
      guard key <= distance[node] else { continue }
      for linkIndex in adjacency[node] {
        let link = links[linkIndex]
        let other = link.from == node ? link.to : link.from
        let candidate = key + link.length
        if candidate < distance[other] {
          distance[other] = candidate
          via[other] = linkIndex
          heap.push(candidate, Int32(other))
        }
      }
    }
    // The closest node of each island component, lowest index on ties.
    var closest: [Int: Int] = [:]
    for node in nodes.indices where onRoad[node] && !inLargest[node] && distance[node].isFinite {
      let component = components.componentOfNode[node]
      if let best = closest[component], distance[best] <= distance[node] { continue }
      closest[component] = node
    }
    let track = RoadClass.all["track"]
    for start in closest.values.sorted() {
      var node = start
      while via[node] >= 0 {
        let linkIndex = via[node]
        if links[linkIndex].mode == .path, let track {
          links[linkIndex].mode = .road
          links[linkIndex].oneway = false
          links[linkIndex].lanes = track.lanes
          links[linkIndex].speed = track.speedKmh / 3.6
          links[linkIndex].capacity = track.capacityPerLane * Double(track.lanes) / 3600
          report.connectorPaths += 1
          report.connectorPathLength += links[linkIndex].length
        }
        let link = links[linkIndex]
        node = link.from == node ? link.to : link.from
      }
    }
  }
}
