import SimKernel
import Township

/// Grid staff walking door to door.
extension WarningRun {
  /// The order grid staff knock in: nearest unvisited door first, from
  /// `start` (ties go to the lower household id).
  ///
  /// Greedy, not an optimal tour: it is what a person walking a village
  /// does, and it keeps the walk reproducible by hand.
  /// - Complexity: O(n²) in the grid's households.
  public static func doorOrder(
    households: [Int], roster: HouseholdRoster, from start: MapPoint
  ) -> [Int] {
    var left = households.sorted()
    var order: [Int] = []
    order.reserveCapacity(left.count)
    var here = start
    while !left.isEmpty {
      var best = 0
      var bestDistance = Double.infinity
      for (index, household) in left.enumerated() {
        let distance = roster.position(of: household).distance(to: here)
        if distance < bestDistance {
          best = index
          bestDistance = distance
        }
      }
      let household = left.remove(at: best)
      order.append(household)
      here = roster.position(of: household)
    }
    return order
  }

  /// Starts grid staff door to door in `grid` at `time`, unless they
  /// already set off there.
  ///
  /// Staff start at the grid's zone centre and visit its covered
  /// households in `doorOrder`; a household is told at the end of its
  /// door time, so the k-th knock ends at start + (walked distance) /
  /// speed + k × time per door, on the exact tick of that sum. Walks that
  /// start at the same instant share one round: one pending event walks
  /// all their knocks in time order, instead of one event chain per grid.
  func startDoorWalk(grid: Int, at time: SimTime) {
    guard grids[grid].doorStartedAt == .never else { return }
    grids[grid].doorStartedAt = time
    if let round = doorRounds.lastIndex(where: { $0.start == time && !$0.isWalking }) {
      doorRounds[round].grids.append(grid)
      return
    }
    doorRounds.append(DoorRound(start: time, grids: [grid]))
    let round = doorRounds.count - 1
    simulator.schedule(after: time - simulator.now) { [weak self] in
      self?.beginDoorRound(round)
    }
  }

  /// Lays out the knocks of every walk in round `index` and starts it.
  func beginDoorRound(_ index: Int) {
    let now = simulator.now
    let model = channels[WarningChannel.door.rawValue]
    var knocks: [(time: SimTime, household: Int32, finishes: Int32)] = []
    for grid in doorRounds[index].grids {
      log(WarningEvent(time: now, kind: .doorWalkStarted(grid: grid)))
      let members = gridMembers[grid].filter { covered[$0] }
      let start = roster.zoneCentres[roster.gridZones[grid]]
      let order = Self.doorOrder(households: members, roster: roster, from: start)
      var elapsed = 0.0
      var here = start
      for (step, household) in order.enumerated() {
        let door = roster.position(of: household)
        elapsed += door.distance(to: here) / model.walkSpeed + model.timePerDoor
        here = door
        let last = step == order.count - 1 ? Int32(grid) : -1
        knocks.append((now + Self.duration(elapsed), Int32(household), last))
      }
      if order.isEmpty { finishDoorWalk(grid: grid) }
    }
    knocks.sort { ($0.time, $0.household) < ($1.time, $1.household) }
    doorRounds[index].isWalking = true
    doorRounds[index].times = knocks.map(\.time)
    doorRounds[index].households = knocks.map(\.household)
    doorRounds[index].finishes = knocks.map(\.finishes)
    scheduleKnock(index)
  }

  /// Schedules round `index` at its next knock.
  func scheduleKnock(_ index: Int) {
    let round = doorRounds[index]
    guard round.next < round.times.count else { return }
    simulator.schedule(after: round.times[round.next] - simulator.now) { [weak self] in
      self?.knock(index)
    }
  }

  /// Knocks on every door of round `index` due now, then waits for the next.
  func knock(_ index: Int) {
    let now = simulator.now
    while doorRounds[index].next < doorRounds[index].times.count,
      doorRounds[index].times[doorRounds[index].next] <= now
    {
      let next = doorRounds[index].next
      let household = Int(doorRounds[index].households[next])
      if doorReachable[household] { deliver(household, by: .door) }
      let grid = doorRounds[index].finishes[next]
      if grid >= 0 { finishDoorWalk(grid: Int(grid)) }
      doorRounds[index].next += 1
    }
    scheduleKnock(index)
  }

  /// Grid staff knocked on `grid`'s last door now.
  func finishDoorWalk(grid: Int) {
    grids[grid].doorFinishedAt = simulator.now
    log(WarningEvent(time: simulator.now, kind: .doorWalkFinished(grid: grid)))
  }
}

/// Door-to-door walks that set off at the same instant, walked by one event.
struct DoorRound {
  let start: SimTime
  var grids: [Int]
  /// True once the knocks are laid out (later grids start a new round).
  var isWalking = false
  var times: [SimTime] = []
  var households: [Int32] = []
  /// The grid whose last door each knock is, or -1.
  var finishes: [Int32] = []
  var next = 0

  init(start: SimTime, grids: [Int]) {
    self.start = start
    self.grids = grids
  }
}
