/// Where a traveller goes next, from the shelter trees.
extension QueueNetwork {
  /// What a traveller at a node does next.
  enum Step: Equatable {
    /// Enter this arc.
    case move(Int)
    /// Enter this shelter (it has room).
    case arrive(Int)
    /// No open route to a shelter with room.
    case stranded
    /// Homeward and at its home node.
    case home
  }

  /// The index in `trees` of a traffic class and destination set's tree,
  /// brought up to date (built on first use, repaired when stale).
  ///
  /// Callers read the tree in place (`trees[k].labels[node]`): returning it
  /// would retain and release its arrays on every routing decision.
  func freshTree(_ mode: TravellerMode, _ destinations: Int) -> Int {
    let k = destinations * 2 + Int(mode.rawValue)
    if trees.count <= k {
      trees += [ShelterTree](repeating: ShelterTree(nodeCount: 0), count: k + 1 - trees.count)
    }
    if trees[k].labels.count != township.nodes.count {
      trees[k] = ShelterTree(nodeCount: township.nodes.count)
    }
    if trees[k].isStale {
      trees[k].repair(graph: graphs[Int(mode.rawValue)], sources: treeSources(k, destinations))
      treeRepairs += 1
    }
    return k
  }

  /// The admitting shelters of destination set `destinations` that tree
  /// `k`'s repair must offer as sources, in shelter order.
  ///
  /// A full repair offers all of them. Otherwise only shelters removed or
  /// admitting again changed, and a removal clears the removed shelter's
  /// catchment, which holds no other shelter's node except a shelter at
  /// the same node: so only the shelters at those nodes can need seeding,
  /// and offering just them keeps a repair's cost to what changed. (All of
  /// them each time cost O(shelters) per repair, and repairs grow with the
  /// county: quadratic.) The seeds go in in the same order either way.
  func treeSources(_ k: Int, _ destinations: Int) -> [(node: Int32, shelter: Int32)] {
    let members = destinationSets[destinations]
    var sources: [(node: Int32, shelter: Int32)] = []
    if trees[k].needsFullRepair {
      for s in 0..<shelters.count where members[s] && shelters.isAdmitting(s) {
        sources.append((Int32(shelters.nodes[s]), Int32(s)))
      }
      return sources
    }
    var nodes = trees[k].removedShelters.map(\.node) + trees[k].readmittingNodes
    nodes.sort()
    var last: Int32 = -1
    for node in nodes where node != last {
      last = node
      for s in shelters.atNode[Int(node)] ?? [] where members[s] && shelters.isAdmitting(s) {
        sources.append((node, Int32(s)))
      }
    }
    sources.sort { $0.shelter < $1.shelter }
    return sources
  }

  /// Whether a group fits in shelter `s` (`Shelters.fits`, reading the
  /// arrays in place rather than copying the shelters for the call).
  @inline(__always) func shelterFits(_ s: Int, persons: Int) -> Bool {
    guard let capacity = shelters.capacities[s] else { return true }
    return shelters.occupancy[s] + shelters.queued[s] + persons <= capacity
  }

  /// The next step of traveller `t` standing at `node`.
  ///
  /// A shelter that cannot take the whole group is marked full and the
  /// group follows the repaired tree on. A traveller whose way from here
  /// costs more than it did when it set off on its last link (a closure, a
  /// shelter filled) counts as re-routed.
  func nextStep(_ t: Int, at node: Int) -> Step {
    if travellers.motion[t].homeward, let step = homewardStep(t, at: node) { return step }
    let mode = travellers.motion[t].mode
    let destinations = Int(travellers.motion[t].destinations)
    let cameByLink = travellers.motion[t].arc >= 0
    while true {
      let k = freshTree(mode, destinations)
      let label = trees[k].labels[node]
      if cameByLink, label.cost > travellers.motion[t].expectedCost * (1 + 1e-12) + 1e-9 {
        travellers.motion[t].rerouted = true
      }
      guard label.cost.isFinite else { return .stranded }
      let arc = Int(label.nextArc)
      if arc >= 0 { return .move(arc) }
      let s = Int(label.root)
      if shelterFits(s, persons: Int(travellers.motion[t].persons)) { return .arrive(s) }
      markFull(s)
    }
  }
}
