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
///
/// A node's label is one record (`Label`, 16 bytes), so a routing decision
/// reads one cache line rather than one per field: travellers ask at
/// random nodes, and a county's node arrays are far beyond the cache.
struct ShelterTree {
  /// One node's way to the nearest admitting shelter.
  struct Label {
    /// Route cost to the shelter; infinity when none is reachable.
    var cost = Double.infinity
    /// The arc to take; -1 at a shelter or where none leads.
    var nextArc: Int32 = -1
    /// The shelter the way ends at; -1 when none.
    var root: Int32 = -1
  }

  /// Labels by node.
  var labels: ContiguousArray<Label>
  /// Set when the network or the shelters changed since the last repair.
  var isStale = true
  /// Set when a link closed or opened, or before the first build.
  ///
  /// The repair must then walk every way and offer every arc. When only shelters
  /// stopped admitting, their catchments are all that changed.
  var needsFullRepair = true
  /// Shelters that stopped admitting since the last repair, with their nodes.
  var removedShelters: [(node: Int32, shelter: Int32)] = []
  /// Nodes of shelters that admit again since the last repair (a full
  /// shelter that people left).
  var readmittingNodes: [Int32] = []

  private var status: [UInt8]
  private var sourceShelter: [Int32]
  private var heap = NodeHeap()
  private var path: [Int32] = []

  init(nodeCount: Int) {
    labels = ContiguousArray(repeating: Label(), count: nodeCount)
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
    for source in sources where labels[Int(source.node)].cost > 0 {
      let node = Int(source.node)
      labels[node] = Label(cost: 0, nextArc: -1, root: sourceShelter[node])
      heap.push(0, source.node)
    }
    while let (key, node) = heap.pop() {
      let w = Int(node)
      guard key <= labels[w].cost else { continue }
      let root = labels[w].root
      for k in Int(graph.inStart[w])..<Int(graph.inStart[w + 1]) {
        let arc = Int(graph.inArcs[k])
        guard graph.isOpen(arc) else { continue }
        let tail = Int(graph.arcTail[arc])
        let candidate = key + graph.cost[arc]
        if candidate < labels[tail].cost {
          labels[tail] = Label(cost: candidate, nextArc: Int32(arc), root: root)
          heap.push(candidate, Int32(tail))
        }
      }
    }
    for source in sources { sourceShelter[Int(source.node)] = -1 }
    isStale = false
    needsFullRepair = false
    removedShelters.removeAll(keepingCapacity: true)
    readmittingNodes.removeAll(keepingCapacity: true)
  }

  /// Offers every node in `nodes` the labels of its open out-arcs.
  private mutating func offerOutArcs<Nodes: Sequence<Int>>(graph: MovementGraph, of nodes: Nodes) {
    for node in nodes {
      for k in Int(graph.outStart[node])..<Int(graph.outStart[node + 1]) {
        let arc = Int(graph.outArcs[k])
        guard graph.isOpen(arc) else { continue }
        let head = Int(graph.arcHead[arc])
        let candidate = labels[head].cost + graph.cost[arc]
        if candidate < labels[node].cost {
          labels[node] = Label(cost: candidate, nextArc: Int32(arc), root: labels[head].root)
          heap.push(candidate, Int32(node))
        }
      }
    }
  }

  /// Clears the labels of the nodes whose way ends at a removed shelter
  /// and offers them their neighbours' labels, in node order.
  ///
  /// A shelter's catchment is the subtree hanging from its node: every
  /// node's way continues through the head of its next arc to the same
  /// root, so the catchment is found by walking in-arcs back from the
  /// shelter's node along the tree, at a cost in proportion to its size.
  /// (A pass over every node, as this once made, cost O(nodes) per full
  /// shelter: quadratic in the county's size, since both grow with it.)
  private mutating func invalidateCatchments(graph: MovementGraph) {
    path.removeAll(keepingCapacity: true)
    // Labels are cleared as their nodes are found, so a shelter removed
    // twice (full, then closed) is walked once.
    for removed in removedShelters where labels[Int(removed.node)].root == removed.shelter {
      var next = path.count
      path.append(removed.node)
      labels[Int(removed.node)] = Label()
      while next < path.count {
        let w = Int(path[next])
        next += 1
        for k in Int(graph.inStart[w])..<Int(graph.inStart[w + 1]) {
          let arc = graph.inArcs[k]
          let tail = Int(graph.arcTail[Int(arc)])
          if labels[tail].nextArc == arc {
            labels[tail] = Label()
            path.append(Int32(tail))
          }
        }
      }
    }
    path.sort()
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
        if status[node] == visiting || labels[node].cost == .infinity {
          verdict = broken
          break
        }
        status[node] = visiting
        path.append(Int32(node))
        let arc = Int(labels[node].nextArc)
        if arc < 0 {
          verdict =
            labels[node].cost == 0 && sourceShelter[node] == labels[node].root ? good : broken
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
    for node in status.indices where status[node] == broken { labels[node] = Label() }
  }
}
