/// Renumbering a map so that what lies close together on the ground lies
/// close together in memory.
///
/// Every per-node and per-link array of the models (queues, shelter
/// trees, travellers' next steps) is indexed by node or link number. A
/// traveller's events walk a path of neighbouring links, so when
/// neighbours have nearby numbers an event finds most of what it reads
/// in cache lines its predecessors loaded; when the numbering follows
/// file order (OSM ids, or a generator's build steps) a county's arrays
/// outgrow the cache and every event pays a miss per array.
///
/// Nodes go in the order of a Hilbert curve over their positions (the
/// curve keeps both coordinates close, unlike sorting by x then y), ties
/// by their old number; links by their lower new endpoint, then the
/// other, then their old number. Zones, grids, facilities and hazards
/// keep their order (households are drawn zone by zone, so reordering
/// zones would change every draw of the population); only their node
/// references are translated. Ids are unchanged, so scripts, outputs and
/// routes name the same places. The order is a pure function of the map:
/// the same map gives the same numbering in every process.
extension Township {
  /// Bits per axis of the Hilbert index: 2^16 cells per side, under 2 m
  /// for a county 100 km across, finer than any two distinct nodes.
  static let hilbertBits = 16

  /// The map renumbered in locality order, and the permutation used:
  /// `newIndex[old]` is a node's new index.
  ///
  /// - Throws: only what `Township.init` would throw for this map, which
  ///   passed the same checks already.
  public func inLocalityOrder() throws(MapError) -> (township: Township, newIndex: [Int]) {
    let nodeOrder = localityNodeOrder()
    var newIndex = [Int](repeating: 0, count: nodes.count)
    for (position, old) in nodeOrder.enumerated() { newIndex[old] = position }
    let renumberedNodes = nodeOrder.map { nodes[$0] }
    let linkOrder = links.indices.sorted { a, b in
      let ka = Self.endpointKey(links[a], newIndex)
      let kb = Self.endpointKey(links[b], newIndex)
      return ka != kb ? ka < kb : a < b
    }
    let renumberedLinks = linkOrder.map { old -> Link in
      var link = links[old]
      link.from = newIndex[link.from]
      link.to = newIndex[link.to]
      return link
    }
    var renumberedZones = zones
    for z in renumberedZones.indices { renumberedZones[z].node = newIndex[zones[z].node] }
    var renumberedFacilities = facilities
    for f in renumberedFacilities.indices {
      renumberedFacilities[f].node = newIndex[facilities[f].node]
    }
    let township = try Township(
      nodes: renumberedNodes, links: renumberedLinks, zones: renumberedZones, grids: grids,
      facilities: renumberedFacilities, hazards: hazards, projection: projection)
    return (township, newIndex)
  }

  /// Old node indices in Hilbert order of position, ties by index.
  func localityNodeOrder() -> [Int] {
    guard let first = nodes.first else { return [] }
    var low = first.position
    var high = first.position
    for node in nodes {
      low = MapPoint(x: min(low.x, node.position.x), y: min(low.y, node.position.y))
      high = MapPoint(x: max(high.x, node.position.x), y: max(high.y, node.position.y))
    }
    let side = UInt32(1) << Self.hilbertBits
    let span = max(high.x - low.x, high.y - low.y, 1e-9)
    let scale = Double(side - 1) / span
    let keys = nodes.map { node -> UInt64 in
      let x = UInt32(((node.position.x - low.x) * scale).rounded())
      let y = UInt32(((node.position.y - low.y) * scale).rounded())
      return Self.hilbertIndex(x: x, y: y, side: side)
    }
    return nodes.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
  }

  /// The distance along the Hilbert curve of a cell of a `side` x `side`
  /// grid (`side` a power of two): the classic rotate-and-flip walk.
  static func hilbertIndex(x: UInt32, y: UInt32, side: UInt32) -> UInt64 {
    var x = x
    var y = y
    var distance: UInt64 = 0
    var s = side / 2
    while s > 0 {
      let rx: UInt32 = (x & s) > 0 ? 1 : 0
      let ry: UInt32 = (y & s) > 0 ? 1 : 0
      distance += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
      if ry == 0 {
        if rx == 1 {
          x = side - 1 - x
          y = side - 1 - y
        }
        swap(&x, &y)
      }
      s /= 2
    }
    return distance
  }

  /// A link's new endpoints, lower first: links leaving a node sit
  /// together, next to those of its neighbours.
  static func endpointKey(_ link: Link, _ newIndex: [Int]) -> (Int, Int) {
    let a = newIndex[link.from]
    let b = newIndex[link.to]
    return (min(a, b), max(a, b))
  }
}
