import Township

/// For every node, the cheapest way to the nearest shelter with room: a
/// shortest-path tree grown backwards from all such shelters at once.
///
/// One tree per traffic class and destination set answers every
/// traveller's "where next?" in O(1), instead of a search per traveller (a
/// county has 100k households and a point-to-point A* costs ~1.6 ms there).
/// When links close or open, or shelters fill, close or open, the tree is
/// repaired rather than rebuilt: nodes whose way now leads through a closed
/// arc or to a shelter that no longer admits lose their labels (an O(V)
/// walk along the tree pointers), every node is offered the labels of its
/// open out-arcs (an O(E) scan, which also picks up reopened links and new
/// shelters), and a Dijkstra search spreads the changes backwards through
/// the nodes they improve. Valid labels never get worse when a source or an
/// arc disappears elsewhere, so the nodes left alone stay optimal.
struct ShelterTree {
  /// Route cost to the nearest admitting shelter; infinity when none is reachable.
  var cost: [Double]
  /// The arc to take from each node; -1 at a shelter or where none leads.
  var nextArc: [Int32]
  /// The shelter each node's way ends at; -1 when none.
  var root: [Int32]
  /// Set when the network or the shelters changed since the last repair.
  var isStale = true
  /// Set when a link closed or opened, or before the first build.
  ///
  /// The repair must then walk every way and offer every arc. When only shelters
  /// stopped admitting, their catchments are all that changed.
  var needsFullRepair = true
  /// Shelters that stopped admitting since the last repair.
  var removedShelters: [Int32] = []

  private var status: [UInt8]
  private var sourceShelter: [Int32]
  private var heap = NodeHeap()
  private var path: [Int32] = []

  init(nodeCount: Int) {
    cost = [Double](repeating: .infinity, count: nodeCount)
    nextArc = [Int32](repeating: -1, count: nodeCount)
    root = [Int32](repeating: -1, count: nodeCount)
    status = [UInt8](repeating: 0, count: nodeCount)
    sourceShelter = [Int32](repeating: -1, count: nodeCount)
  }

  /// Brings the tree up to date with the graph's closures and `sources`
  /// (admitting shelters and their nodes, in shelter order: the first
  /// shelter at a node is the one its travellers go to).
  mutating func repair(graph: MovementGraph, sources: [(node: Int32, shelter: Int32)]) {
    for source in sources where sourceShelter[Int(source.node)] < 0 {
      sourceShelter[Int(source.node)] = source.shelter
    }
    if needsFullRepair {
      invalidateBrokenLabels(graph: graph)
      offerOutArcs(graph: graph, of: 0..<graph.nodeCount)
    } else {
      invalidateCatchments(graph: graph)
    }
    for source in sources where cost[Int(source.node)] > 0 {
      let node = Int(source.node)
      cost[node] = 0
      nextArc[node] = -1
      root[node] = sourceShelter[node]
      heap.push(0, source.node)
    }
    while let (key, node) = heap.pop() {
      let w = Int(node)
      guard key <= cost[w] else { continue }
      for k in Int(graph.inStart[w])..<Int(graph.inStart[w + 1]) {
        let arc = Int(graph.inArcs[k])
        guard graph.isOpen(arc) else { continue }
        let tail = Int(graph.arcTail[arc])
        let candidate = key + graph.cost[arc]
        if candidate < cost[tail] {
          cost[tail] = candidate
          nextArc[tail] = Int32(arc)
          root[tail] = root[w]
          heap.push(candidate, Int32(tail))
        }
      }
    }
    for source in sources { sourceShelter[Int(source.node)] = -1 }
    isStale = false
    needsFullRepair = false
    removedShelters.removeAll(keepingCapacity: true)
  }

  /// Offers every node in `nodes` the labels of its open out-arcs.
  private mutating func offerOutArcs<Nodes: Sequence<Int>>(graph: MovementGraph, of nodes: Nodes) {
    for node in nodes {
      for k in Int(graph.outStart[node])..<Int(graph.outStart[node + 1]) {
        let arc = Int(graph.outArcs[k])
        guard graph.isOpen(arc) else { continue }
        let head = Int(graph.arcHead[arc])
        let candidate = cost[head] + graph.cost[arc]
        if candidate < cost[node] {
          cost[node] = candidate
          nextArc[node] = Int32(arc)
          root[node] = root[head]
          heap.push(candidate, Int32(node))
        }
      }
    }
  }

  /// Clears the labels of the nodes whose way ends at a removed shelter
  /// (one pass over `root`) and offers them their neighbours' labels.
  private mutating func invalidateCatchments(graph: MovementGraph) {
    let highest = Int(removedShelters.max() ?? -1)
    guard highest >= 0 else { return }
    var removed = [Bool](repeating: false, count: highest + 1)
    for s in removedShelters { removed[Int(s)] = true }
    path.removeAll(keepingCapacity: true)
    for node in root.indices {
      let r = Int(root[node])
      if r >= 0, r <= highest, removed[r] {
        cost[node] = .infinity
        nextArc[node] = -1
        root[node] = -1
        path.append(Int32(node))
      }
    }
    offerOutArcs(graph: graph, of: path.lazy.map { Int($0) })
  }

  /// Clears the labels of nodes whose way is broken: it ends at a node
  /// that is no longer the source it was, or crosses a closed arc.
  private mutating func invalidateBrokenLabels(graph: MovementGraph) {
    let unknown: UInt8 = 0
    let good: UInt8 = 1
    let broken: UInt8 = 2
    let visiting: UInt8 = 3
    for i in status.indices { status[i] = unknown }
    for start in 0..<status.count where status[start] == unknown {
      var node = start
      var verdict = broken
      path.removeAll(keepingCapacity: true)
      while true {
        if status[node] == good || status[node] == broken {
          verdict = status[node]
          break
        }
        if status[node] == visiting || cost[node] == .infinity {
          verdict = broken
          break
        }
        status[node] = visiting
        path.append(Int32(node))
        let arc = Int(nextArc[node])
        if arc < 0 {
          verdict = cost[node] == 0 && sourceShelter[node] == root[node] ? good : broken
          break
        }
        guard graph.isOpen(arc) else {
          verdict = broken
          break
        }
        node = Int(graph.arcHead[arc])
      }
      for n in path { status[Int(n)] = verdict }
      if path.isEmpty { status[node] = verdict }
    }
    for node in status.indices where status[node] == broken {
      cost[node] = .infinity
      nextArc[node] = -1
      root[node] = -1
    }
  }
}
