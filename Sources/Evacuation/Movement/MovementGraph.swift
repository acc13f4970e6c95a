import Township

/// The directed arcs one traffic class may use, their route costs and
/// which links are closed to it.
///
/// An arc is one direction of a link: arc `2 * link` runs `from` -> `to`,
/// arc `2 * link + 1` runs back. Arc ids are shared by both classes so a
/// link's two arcs are found without a table; an arc the class may not use
/// (a footpath for cars, the wrong way of a one-way road, a link without
/// capacity) has tail -1. Costs are what the shelter trees minimise:
/// seconds at free speed for vehicles, metres for walkers (every walker's
/// time is proportional to length, whatever their speed).
struct MovementGraph {
  let mode: TravellerMode
  let nodeCount: Int
  let arcTail: [Int32]
  let arcHead: [Int32]
  let cost: [Double]
  /// Outgoing arcs per node (CSR offsets into `outArcs`).
  let outStart: [Int32]
  let outArcs: [Int32]
  /// Incoming arcs per node (CSR offsets into `inArcs`).
  let inStart: [Int32]
  let inArcs: [Int32]
  /// Closed links, by link index.
  var closed: [Bool]

  init(township: Township, mode: TravellerMode) {
    self.mode = mode
    nodeCount = township.nodes.count
    let arcCount = 2 * township.links.count
    var tail = [Int32](repeating: -1, count: arcCount)
    var head = [Int32](repeating: -1, count: arcCount)
    var cost = [Double](repeating: .infinity, count: arcCount)
    for (index, link) in township.links.enumerated() where link.capacity > 0 {
      let usable: (forward: Bool, backward: Bool)
      switch mode {
      case .drive: usable = link.mode == .road ? (true, !link.oneway) : (false, false)
      case .walk: usable = (true, true)
      }
      let weight = mode == .drive ? link.freeTravelTime : link.length
      if usable.forward {
        tail[2 * index] = Int32(link.from)
        head[2 * index] = Int32(link.to)
        cost[2 * index] = weight
      }
      if usable.backward {
        tail[2 * index + 1] = Int32(link.to)
        head[2 * index + 1] = Int32(link.from)
        cost[2 * index + 1] = weight
      }
    }
    arcTail = tail
    arcHead = head
    self.cost = cost
    (outStart, outArcs) = Self.compressed(nodeCount: nodeCount, keys: tail)
    (inStart, inArcs) = Self.compressed(nodeCount: nodeCount, keys: head)
    closed = [Bool](repeating: false, count: township.links.count)
  }

  /// Arcs grouped by `keys[arc]` (a node), in arc order within a node.
  static func compressed(nodeCount: Int, keys: [Int32]) -> ([Int32], [Int32]) {
    var start = [Int32](repeating: 0, count: nodeCount + 1)
    for key in keys where key >= 0 { start[Int(key) + 1] += 1 }
    for node in 0..<nodeCount { start[node + 1] += start[node] }
    var fill = start
    var arcs = [Int32](repeating: 0, count: Int(start[nodeCount]))
    for (arc, key) in keys.enumerated() where key >= 0 {
      arcs[Int(fill[Int(key)])] = Int32(arc)
      fill[Int(key)] += 1
    }
    return (start, arcs)
  }

  /// Whether the class may use the arc right now.
  @inline(__always) func isOpen(_ arc: Int) -> Bool {
    arcTail[arc] >= 0 && !closed[arc >> 1]
  }
}
