import SimKernel

/// 叫应: calling grid responsible persons, their acknowledgements and the
/// escalation of silent grids.
extension WarningRun {
  /// Calls `grid`'s responsible person now and sets the deadline.
  ///
  /// A grid takes part in the first plan that covers it; later plans do
  /// not restart its 叫应.
  func startCallAndAnswer(grid: Int) {
    guard grids[grid].calledFrom == .never else { return }
    let now = simulator.now
    var local = RandomStream(rawSeed: stream.next())
    let firstLot = local.unit()
    let secondLot = local.unit()
    let firstDelay = Self.duration(callAndAnswer.acknowledgement.sample(&local))
    let secondDelay = Self.duration(callAndAnswer.acknowledgement.sample(&local))
    grids[grid].calledFrom = now
    grids[grid].answerLots = [firstLot, secondLot]
    grids[grid].acknowledgementDelays = [firstDelay, secondDelay]
    call(grid: grid, attempt: 0)
    let deadline = Self.duration(callAndAnswer.deadline)
    simulator.schedule(after: deadline, priority: .late) { [weak self] in
      self?.deadlinePassed(grid: grid, step: .recall)
    }
  }

  /// Rings the responsible person after the call delay; attempt 0 is the
  /// first call, 1 the re-call.
  func call(grid: Int, attempt: Int) {
    simulator.schedule(after: Self.duration(callAndAnswer.callDelay)) { [weak self] in
      guard let self else { return }
      let now = self.simulator.now
      let zone = self.roster.gridZones[grid]
      guard self.infrastructure.provides(self.callAndAnswer.needs, zone: zone, at: now) else {
        return
      }
      let state = self.grids[grid]
      let lot = state.answerLots[attempt]
      guard lot < self.callAndAnswer.answerProbability else { return }
      if state.reachedAt == .never { self.grids[grid].reachedAt = now }
      self.log(WarningEvent(time: now, kind: .responsibleReached(grid: grid)))
      let delay = state.acknowledgementDelays[attempt]
      self.simulator.schedule(after: delay) { [weak self] in
        self?.acknowledge(grid: grid)
      }
    }
  }

  /// The responsible person acknowledges now (the first time counts).
  func acknowledge(grid: Int) {
    guard grids[grid].acknowledgedAt == .never else { return }
    grids[grid].acknowledgedAt = simulator.now
    log(WarningEvent(time: simulator.now, kind: .acknowledged(grid: grid)))
  }

  /// A deadline passed: escalate if the grid is still silent.
  ///
  /// At the first deadline the grid is called again when a call can get
  /// through now; when it cannot, or at the re-call's deadline, grid staff
  /// go door to door (setting off after the door channel's delay).
  func deadlinePassed(grid: Int, step: EscalationStep) {
    guard grids[grid].acknowledgedAt == .never else { return }
    let now = simulator.now
    let zone = roster.gridZones[grid]
    if step == .recall, infrastructure.provides(callAndAnswer.needs, zone: zone, at: now) {
      grids[grid].recalledAt = now
      log(WarningEvent(time: now, kind: .escalated(grid: grid, step: .recall)))
      call(grid: grid, attempt: 1)
      simulator.schedule(after: Self.duration(callAndAnswer.recallDeadline), priority: .late) {
        [weak self] in
        self?.deadlinePassed(grid: grid, step: .doorToDoor)
      }
      return
    }
    grids[grid].doorEscalatedAt = now
    log(WarningEvent(time: now, kind: .escalated(grid: grid, step: .doorToDoor)))
    startDoorWalk(grid: grid, at: now + Self.duration(channels[WarningChannel.door.rawValue].delay))
  }
}
