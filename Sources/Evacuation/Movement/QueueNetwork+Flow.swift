import SimKernel

/// The queue model's events: departures, link heads leaving, turning back
/// off closed links, and admission at shelters.
extension QueueNetwork {
  /// A traveller sets off from its origin.
  func depart(_ t: Int, now: Int64) {
    // An all-clear may have kept it home.
    guard travellers.motion[t].state == .waiting else { return }
    travellers.motion[t].state = .moving
    travellersAway += 1
    personsDeparted += Int(travellers.motion[t].persons)
    start(t, at: Int(travellers.motion[t].origin), now: now)
  }

  /// A traveller off any link at `node` (departing or turned back) goes on:
  /// into its next link whatever that link holds (see the type's notes),
  /// into a shelter, or nowhere.
  func start(_ t: Int, at node: Int, now: Int64) {
    switch nextStep(t, at: node) {
    case .move(let arc): enter(t, arc, now: now)
    case .arrive(let s): arrive(t, at: s, now: now)
    case .stranded: settleInPlace(t, now: now)
    case .home: arriveHome(t, now: now)
    }
  }

  /// Units a traveller takes on a link: one vehicle, or its persons.
  @inline(__always) func units(_ t: Int) -> Int32 {
    travellers.motion[t].mode == .drive ? 1 : travellers.motion[t].persons
  }

  /// Schedules a check of `arc`'s head at `time`, cancelling earlier ones.
  func scheduleHead(_ mode: TravellerMode, _ arc: Int, at time: Int64) {
    let m = Int(mode.rawValue)
    let slot = m &* arcCount &+ arc
    queues.arcs[slot].generation &+= 1
    let payload = Int64(queues.arcs[slot].generation) << 32 | Int64(arc)
    simulator.schedule(
      headHandlers[m], at: SimTime(ms: max(time, simulator.now.ms)), payload: payload)
  }

  /// When the head of slot `slot` may leave: its free-flow time and the flow gap.
  @inline(__always) func leaveTime(_ slot: Int, _ t: Int) -> Int64 {
    max(travellers.motion[t].readyAt, Int64(queues.arcs[slot].nextExit.rounded()))
  }

  /// A stuck check: the head of `arc` has waited `stuckTime` for room,
  /// unless the episode the check belongs to has ended.
  func checkStuck(_ mode: TravellerMode, _ arc: Int, now: Int64) {
    guard let since = queues.blockedSince(Int(mode.rawValue) &* arcCount &+ arc),
      let stuck = options.stuckTime, now == since + stuck.ms
    else { return }
    processHead(mode, arc, now: now)
  }

  /// The head of `arc` tries to leave.
  func processHead(_ mode: TravellerMode, _ arc: Int, now: Int64) {
    let m = Int(mode.rawValue)
    let slot = m &* arcCount &+ arc
    queues.stopWaiting(slot)
    let t = Int(queues.arcs[slot].head)
    guard t >= 0 else { return }
    let ready = leaveTime(slot, t)
    if now < ready {
      scheduleHead(mode, arc, at: ready)
      return
    }
    let node = Int(queues.arcs[slot].toNode)
    switch nextStep(t, at: node) {
    case .move(let next):
      if !queues.hasRoom(m &* arcCount &+ next, units: units(t)) {
        var since = now
        if let blocked = queues.blockedSince(slot) {
          since = blocked
        } else {
          // A new blocking episode: one stuck check for all of it.
          queues.block(slot, since: now)
          if let stuck = options.stuckTime {
            simulator.schedule(
              stuckHandlers[m], at: SimTime(ms: now + stuck.ms), payload: Int64(arc))
          }
        }
        let waited = now - since
        if let stuck = options.stuckTime, waited >= stuck.ms {
          leave(mode, arc, now: now)
          enter(t, next, now: now)
          return
        }
        queues.wait(slot, on: next)
        return
      }
      leave(mode, arc, now: now)
      enter(t, next, now: now)
    case .arrive(let s):
      leave(mode, arc, now: now)
      arrive(t, at: s, now: now)
    case .stranded:
      leave(mode, arc, now: now)
      settleInPlace(t, now: now)
    case .home:
      leave(mode, arc, now: now)
      arriveHome(t, now: now)
    }
  }

  /// Puts a traveller at the tail of `arc`.
  func enter(_ t: Int, _ arc: Int, now: Int64) {
    let m = Int(travellers.motion[t].mode.rawValue)
    let slot = m &* arcCount &+ arc
    let u = units(t)
    queues.arcs[slot].load += u
    var seconds: Double
    if travellers.motion[t].mode == .drive {
      seconds = queues.arcs[slot].passage
    } else {
      let area = queues.arcs[slot].area
      let density = area > 0 ? Double(queues.arcs[slot].load) / area : 0
      let speed = travellers.motion[t].speed * Self.speedShare(density: density)
      seconds = queues.arcs[slot].passage / speed
    }
    travellers.motion[t].arc = Int32(arc)
    travellers.motion[t].enteredAt = now
    // Capped at 10^9 s, so a near-zero speed cannot overflow the clock.
    travellers.motion[t].readyAt = now + Int64((min(seconds, 1e9) * 1000).rounded())
    travellers.motion[t].next = -1
    let node = Int(queues.arcs[slot].toNode)
    if travellers.motion[t].homeward {
      // Re-routing is counted on the way to shelter only.
      travellers.motion[t].expectedCost = .infinity
    } else {
      let k = freshTree(travellers.motion[t].mode, Int(travellers.motion[t].destinations))
      travellers.motion[t].expectedCost = trees[k].labels[node].cost
    }
    let last = queues.arcs[slot].tail
    queues.arcs[slot].tail = Int32(t)
    if last >= 0 {
      travellers.motion[Int(last)].next = Int32(t)
    } else {
      queues.arcs[slot].head = Int32(t)
      queues.markOccupied(slot)
      scheduleHead(travellers.motion[t].mode, arc, at: leaveTime(slot, t))
    }
  }

  /// Walking speed as a share of free speed at crowd density `density`
  /// (SFPE: (1 - 0.266 D) relative to its value at 0.54 persons/m2, with D
  /// capped at the peak-flow density 1.88 persons/m2).
  public static func speedShare(density: Double) -> Double {
    guard density > unimpededDensity else { return 1 }
    let d = min(density, peakFlowDensity)
    return (1 - densitySlope * d) / (1 - densitySlope * unimpededDensity)
  }

  /// Removes the head of `arc`: frees its units, spaces the next leaver by
  /// the flow gap, wakes upstream heads waiting for room, and schedules
  /// the new head.
  func leave(_ mode: TravellerMode, _ arc: Int, now: Int64) {
    let slot = Int(mode.rawValue) &* arcCount &+ arc
    let t = Int(queues.arcs[slot].head)
    let u = units(t)
    queues.arcs[slot].head = travellers.motion[t].next
    if travellers.motion[t].next < 0 {
      queues.arcs[slot].tail = -1
      queues.markEmpty(slot)
    }
    travellers.motion[t].next = -1
    queues.arcs[slot].load -= u
    queues.unblock(slot)
    let gap = min(Double(u) / queues.arcs[slot].capacity * 1000, 1e12)
    // Gaps add up from the fractional time the link was due (events run
    // on whole milliseconds), so rounding does not drift the flow; an idle
    // link starts afresh from now.
    let due = queues.arcs[slot].nextExit
    queues.arcs[slot].nextExit = (Double(now) - due > 0.5 ? Double(now) : due) + gap
    onLeave?(arc >> 1, mode, t)
    wakeWaiters(mode, of: arc, now: now)
    let next = Int(queues.arcs[slot].head)
    if next >= 0 { scheduleHead(mode, arc, at: leaveTime(slot, next)) }
  }

  /// Every upstream head waiting for room on `arc` checks again now.
  func wakeWaiters(_ mode: TravellerMode, of arc: Int, now: Int64) {
    let base = Int(mode.rawValue) &* arcCount
    var u = queues.takeWaiters(base &+ arc)
    while u >= 0 {
      let next = queues.releaseWaiter(base &+ Int(u))
      scheduleHead(mode, Int(u), at: now)
      u = next
    }
  }

  /// Empties a link that just closed: everyone on it turns back.
  func turnBack(_ mode: TravellerMode, _ arc: Int, now: Int64) {
    let slot = Int(mode.rawValue) &* arcCount &+ arc
    var t = queues.arcs[slot].head
    while t >= 0 {
      let i = Int(t)
      let spent = now - travellers.motion[i].enteredAt
      let back = min(spent, travellers.motion[i].readyAt - travellers.motion[i].enteredAt)
      t = travellers.motion[i].next
      travellers.motion[i].next = -1
      travellers.motion[i].rerouted = true
      turnedBack += 1
      simulator.schedule(returnHandler, at: SimTime(ms: now + back), payload: Int64(i))
    }
    queues.arcs[slot].head = -1
    queues.arcs[slot].tail = -1
    queues.markEmpty(slot)
    queues.arcs[slot].load = 0
    queues.unblock(slot)
    queues.arcs[slot].generation &+= 1
    queues.stopWaiting(slot)
    wakeWaiters(mode, of: arc, now: now)
  }

  /// A traveller that turned back reaches the node it had left.
  func returned(_ t: Int, now: Int64) {
    let m = Int(travellers.motion[t].mode.rawValue)
    let node = Int(graphs[m].arcTail[Int(travellers.motion[t].arc)])
    travellers.motion[t].arc = -1
    start(t, at: node, now: now)
  }

  /// A traveller reaches shelter `s`, which has room for it: it is
  /// admitted at once, or queues at the door until the shelter opens and
  /// the groups before it are through (at the admission rate, if any).
  func arrive(_ t: Int, at s: Int, now: Int64) {
    travellers.motion[t].arc = -1
    travellers.settlement[t].shelter = Int32(s)
    let persons = Int(travellers.motion[t].persons)
    let rate = shelters.admissionRates[s]
    let opening = max(now, shelters.opensAt[s])
    guard rate != nil || opening > now else {
      shelters.occupancy[s] += persons
      shelters.peak[s] = max(shelters.peak[s], shelters.occupancy[s])
      onAdmit?(s, persons)
      settleSafe(t, now: now)
      checkFull(s)
      return
    }
    travellers.motion[t].state = .admitting
    shelters.queued[s] += persons
    var done = Double(opening)
    if let rate {
      done = max(shelters.nextAdmission[s], done) + Double(persons) / rate * 1000
      shelters.nextAdmission[s] = done
    }
    simulator.schedule(admitHandler, at: SimTime(ms: Int64(done.rounded())), payload: Int64(t))
    checkFull(s)
  }

  /// A group queued at a shelter's door is admitted.
  func admitted(_ t: Int, now: Int64) {
    let s = Int(travellers.settlement[t].shelter)
    let persons = Int(travellers.motion[t].persons)
    shelters.queued[s] -= persons
    shelters.occupancy[s] += persons
    shelters.peak[s] = max(shelters.peak[s], shelters.occupancy[s])
    onAdmit?(s, persons)
    settleSafe(t, now: now)
  }

  /// Marks shelter `s` full once its places are all taken or held.
  func checkFull(_ s: Int) {
    guard !shelters.isFull[s], let capacity = shelters.capacities[s],
      shelters.occupancy[s] + shelters.queued[s] >= capacity
    else { return }
    markFull(s)
  }

  func markFull(_ s: Int) {
    guard !shelters.isFull[s] else { return }
    shelters.isFull[s] = true
    markShelterRemoved(s)
    onNotice?(.shelterFull(s))
  }

  /// A traveller is in a shelter: the first time, its clearance time is
  /// taken and, if it is one that returns, its trip home is scheduled.
  func settleSafe(_ t: Int, now: Int64) {
    travellers.motion[t].state = .safe
    travellers.settlement[t].settledAt = now
    personsSafe += Int(travellers.motion[t].persons)
    var leave: Int64 = -1
    if travellers.settlement[t].safeAt < 0 {
      travellers.settlement[t].safeAt = now
      if travellers.settlement[t].returnAfter >= 0 {
        leave = now + travellers.settlement[t].returnAfter
      }
    }
    if travellers.settlement[t].homeOnAdmission {
      travellers.settlement[t].homeOnAdmission = false
      leave = now
    }
    if leave >= 0 {
      travellers.settlement[t].leaveDue = leave
      simulator.schedule(homewardHandler, at: SimTime(ms: leave), payload: Int64(t))
    }
    settled(now: now)
  }

  /// No open route to a shelter with room: the traveller shelters where it is.
  func settleInPlace(_ t: Int, now: Int64) {
    travellers.motion[t].arc = -1
    travellers.motion[t].state = .inPlace
    travellers.settlement[t].settledAt = now
    personsInPlace += Int(travellers.motion[t].persons)
    settled(now: now)
  }

  func settled(now: Int64) {
    unsettled -= 1
    if unsettled == 0 {
      settledAt = now
      sample(now: now)
      sampling = false
      onNotice?(.settled)
    }
  }
}
