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
  }

  /// The up-to-date tree of a traffic class and destination set.
  func tree(_ mode: TravellerMode, _ destinations: Int) -> ShelterTree {
    let k = destinations * 2 + Int(mode.rawValue)
    if trees.count <= k { trees += [ShelterTree?](repeating: nil, count: k + 1 - trees.count) }
    if trees[k] == nil { trees[k] = ShelterTree(nodeCount: township.nodes.count) }
    if trees[k]?.isStale == true {
      let sources = shelters.nodes.indices.compactMap { s -> (node: Int32, shelter: Int32)? in
        destinationSets[destinations][s] && shelters.isAdmitting(s)
          ? (Int32(shelters.nodes[s]), Int32(s)) : nil
      }
      trees[k]?.repair(graph: graphs[Int(mode.rawValue)], sources: sources)
    }
    return trees[k] ?? ShelterTree(nodeCount: 0)
  }

  /// The next step of traveller `t` standing at `node`.
  ///
  /// A shelter that cannot take the whole group is marked full and the
  /// group follows the repaired tree on. A traveller whose way from here
  /// costs more than it did when it set off on its last link (a closure, a
  /// shelter filled) counts as re-routed.
  func nextStep(_ t: Int, at node: Int) -> Step {
    let mode = travellers.mode[t]
    let destinations = Int(travellers.destinations[t])
    let cameByLink = travellers.arc[t] >= 0
    while true {
      let routes = tree(mode, destinations)
      let cost = routes.cost[node]
      if cameByLink, cost > travellers.expectedCost[t] * (1 + 1e-12) + 1e-9 {
        travellers.rerouted[t] = true
      }
      guard cost.isFinite else { return .stranded }
      let arc = Int(routes.nextArc[node])
      if arc >= 0 { return .move(arc) }
      let s = Int(routes.root[node])
      if shelters.fits(s, persons: Int(travellers.persons[t])) { return .arrive(s) }
      markFull(s)
    }
  }
}
