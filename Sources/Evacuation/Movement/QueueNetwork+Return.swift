import SimKernel

/// Going home again: households leaving a shelter for home, on the live
/// network, and coming back after a dwell.
///
/// A traveller admitted to a shelter for the first time sets off home its
/// `returnAfter` later (people who go back to fetch family, pets or
/// belongings; drills count them as "returned without permission",
/// drill-domain.md §1.4), or when `sendHome` sends it (an all-clear). It
/// leaves only if its home can be reached from the shelter on the links
/// open to its class; otherwise it stays and is counted
/// (`returnsBlocked`). Leaving frees its places (occupancy drops, a full
/// shelter admits again) and it moves in the same link queues as everyone
/// else, routed by a tree grown from its home node, so closures re-route
/// it as they do evacuees. If every way home is cut on the way it makes
/// for the nearest shelter with room instead (`returnsDiverted`). At home
/// it stays, or sets off for a shelter again after its `dwell`.
///
/// Clearance times stay measured to the first arrival at a shelter
/// (`Travellers.safeAt`): a household that went home later was safe then.
extension QueueNetwork {
  /// Sends traveller `index` home as an all-clear does; returns whether
  /// it will go (false for one sheltering in place).
  ///
  /// In a shelter: it leaves now (if its way home is open) and stays home.
  /// On its way to a shelter: it goes home as soon as it is admitted.
  /// Not yet set off: it stays home and never sets off. At home waiting to
  /// come back: it stays home.
  @discardableResult
  public func sendHome(_ index: Int) -> Bool {
    let now = simulator.now.ms
    catchUpSamples(now: now)
    travellers.settlement[index].dwell = -1
    switch travellers.motion[index].state {
    case .safe:
      travellers.settlement[index].leaveDue = now
      leaveForHome(index, now: now)
    case .moving where travellers.motion[index].homeward:
      break
    case .moving, .admitting:
      travellers.settlement[index].homeOnAdmission = true
    case .waiting:
      travellers.motion[index].state = .home
      travellers.settlement[index].settledAt = now
      settled(now: now)
    case .home:
      break
    case .inPlace:
      return false
    }
    return true
  }

  /// Whether traveller `index` is at home: not yet set off, or back.
  public func isAtHome(_ index: Int) -> Bool {
    let state = travellers.motion[index].state
    return state == .waiting || state == .home
  }

  /// Whether traveller `index` has left a shelter for home.
  public func hasReturned(_ index: Int) -> Bool { travellers.settlement[index].hasReturned }

  /// The link traveller `index` is on now, nil when it is on none.
  public func currentLink(_ index: Int) -> Int? {
    let motion = travellers.motion[index]
    guard motion.state == .moving, motion.arc >= 0 else { return nil }
    return Int(motion.arc) / 2
  }

  /// The index in `homeTrees` of the tree leading to `home` for `mode`,
  /// brought up to date.
  func homeTree(_ mode: TravellerMode, _ home: Int) -> Int {
    let key = home &* 2 &+ Int(mode.rawValue)
    let k: Int
    if let known = homeTreeIndex[key] {
      k = known
    } else {
      homeTrees.append(ShelterTree(nodeCount: township.nodes.count))
      homeTreeModes.append(mode)
      k = homeTrees.count - 1
      homeTreeIndex[key] = k
    }
    if homeTrees[k].isStale {
      homeTrees[k].repair(graph: graphs[Int(mode.rawValue)], sources: [(Int32(home), -1)])
    }
    return k
  }

  /// The next step of a homeward traveller at `node`, or nil when every
  /// way home is cut: it is then no longer homeward and the shelter trees
  /// route it.
  func homewardStep(_ t: Int, at node: Int) -> Step? {
    let home = Int(travellers.motion[t].origin)
    if node == home { return .home }
    let k = homeTree(travellers.motion[t].mode, home)
    let label = homeTrees[k].labels[node]
    if label.cost.isFinite { return .move(Int(label.nextArc)) }
    travellers.motion[t].homeward = false
    travellers.motion[t].rerouted = true
    returnsDiverted += 1
    onNotice?(.returnDiverted(t))
    return nil
  }

  /// Traveller `t` leaves its shelter for home, if it is there, this is
  /// the leave it was scheduled for, and its way home is open.
  func leaveForHome(_ t: Int, now: Int64) {
    guard travellers.motion[t].state == .safe, travellers.settlement[t].leaveDue == now else {
      return
    }
    let s = Int(travellers.settlement[t].shelter)
    let node = shelters.nodes[s]
    let k = homeTree(travellers.motion[t].mode, Int(travellers.motion[t].origin))
    guard homeTrees[k].labels[node].cost.isFinite else {
      returnsBlocked += 1
      onNotice?(.returnBlocked(traveller: t, shelter: s))
      return
    }
    let persons = Int(travellers.motion[t].persons)
    shelters.occupancy[s] -= persons
    personsSafe -= persons
    onAdmit?(s, -persons)
    if shelters.isFull[s], !shelters.isClosed[s], shelterFits(s, persons: 1) {
      shelters.isFull[s] = false
      for k in trees.indices where destinationSets[k / 2][s] {
        trees[k].isStale = true
        trees[k].readmittingNodes.append(Int32(node))
      }
    }
    if !travellers.settlement[t].hasReturned {
      travellers.settlement[t].hasReturned = true
      returners.append(t)
      householdsReturned += 1
      personsReturned += persons
    }
    travellers.motion[t].state = .moving
    travellers.motion[t].homeward = true
    unsettle(now: now)
    onNotice?(.leftShelter(traveller: t, shelter: s))
    start(t, at: node, now: now)
  }

  /// A homeward traveller is home: it stays, or comes back after its dwell.
  func arriveHome(_ t: Int, now: Int64) {
    travellers.motion[t].arc = -1
    travellers.motion[t].state = .home
    travellersAway -= 1
    travellers.motion[t].homeward = false
    travellers.settlement[t].settledAt = now
    onNotice?(.reachedHome(t))
    let dwell = travellers.settlement[t].dwell
    if dwell >= 0 {
      simulator.schedule(comeBackHandler, at: SimTime(ms: now + dwell), payload: Int64(t))
    }
    settled(now: now)
  }

  /// A traveller at home sets off for a shelter again after its dwell,
  /// unless an all-clear kept it home meanwhile.
  func comeBack(_ t: Int, now: Int64) {
    let dwell = travellers.settlement[t].dwell
    guard travellers.motion[t].state == .home, dwell >= 0,
      now == travellers.settlement[t].settledAt + dwell
    else { return }
    travellers.settlement[t].dwell = -1
    cameBack += 1
    travellers.motion[t].state = .moving
    travellersAway += 1
    unsettle(now: now)
    start(t, at: Int(travellers.motion[t].origin), now: now)
  }

  /// A settled traveller moves again: the run is unsettled until it settles.
  func unsettle(now: Int64) {
    unsettled += 1
    settledAt = -1
    startSampling(now: now)
  }
}
