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
  /// speed + k × time per door, on the exact tick of that sum.
  func startDoorWalk(grid: Int, at time: SimTime) {
    guard grids[grid].doorStartedAt == .never else { return }
    grids[grid].doorStartedAt = time
    simulator.schedule(after: time - simulator.now) { [weak self] in
      guard let self else { return }
      self.log(WarningEvent(time: self.simulator.now, kind: .doorWalkStarted(grid: grid)))
      let members = self.gridMembers[grid].filter { self.covered[$0] }
      let start = self.roster.zoneCentres[self.roster.gridZones[grid]]
      let order = Self.doorOrder(households: members, roster: self.roster, from: start)
      let model = self.channels[WarningChannel.door.rawValue]
      var elapsed = 0.0
      var here = start
      var knocks: [SimTime] = []
      knocks.reserveCapacity(order.count)
      for household in order {
        let door = self.roster.position(of: household)
        elapsed += door.distance(to: here) / model.walkSpeed + model.timePerDoor
        here = door
        knocks.append(self.simulator.now + Self.duration(elapsed))
      }
      self.knock(grid: grid, order: order, times: knocks, next: 0)
    }
  }

  /// Waits for door `next` of the walk, tells the household, moves on.
  func knock(grid: Int, order: [Int], times: [SimTime], next: Int) {
    guard next < order.count else {
      grids[grid].doorFinishedAt = simulator.now
      log(WarningEvent(time: simulator.now, kind: .doorWalkFinished(grid: grid)))
      return
    }
    simulator.schedule(after: times[next] - simulator.now) { [weak self] in
      guard let self else { return }
      let household = order[next]
      if self.doorReachable[household] { self.deliver(household, by: .door) }
      self.knock(grid: grid, order: order, times: times, next: next + 1)
    }
  }
}
