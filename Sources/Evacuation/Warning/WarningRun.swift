import SimKernel
import Township

/// Warnings on the event loop: channels reaching households, 叫应 with its
/// deadlines, and grid staff walking door to door, all at simulated times.
///
/// Issue one or more `WarningPlan`s; each starts at its `issuedAt` on the
/// simulator. Broadcast, SMS, call and gong reach times are drawn when a
/// plan starts and delivered by one pending event per channel that walks
/// them in time order; whether the channel's power and network are up is
/// asked at each delivery, so outages decided later in the run still
/// count. The door-to-door walk and the escalation deadlines are events of
/// their own. `outcome` snapshots the results at any time; `log` receives
/// each event as it happens.
///
/// ```swift
/// let run = try WarningRun(roster: roster, simulator: sim, stream: stream)
/// try run.issue(WarningPlan(zones: [0], channels: [.sms, .gong], issuedAt: .zero))
/// sim.run()
/// let ackSeconds = run.outcome.acknowledgementDelay(grid: 0)
/// ```
///
/// Draws: when a plan starts, each covered household takes one seed from
/// the run's stream and draws two lots for every channel in `WarningChannel`
/// order, used or not; then each covered grid takes one seed for its 叫应
/// lots. Plans that differ only in channels or parameters therefore see the
/// same lots (common random numbers).
public final class WarningRun {
  public let roster: HouseholdRoster
  /// Channel models, indexed by `WarningChannel.rawValue`.
  public let channels: [ChannelModel]
  public let callAndAnswer: CallAndAnswerPolicy
  let infrastructure: any InfrastructureStatus
  let simulator: Simulator
  var stream: RandomStream
  let log: (WarningEvent) -> Void

  var firstWarned: [SimTime]
  var firstChannel: [Int8]
  /// Channels that reached each household, one bit per channel.
  var reachedBy: [UInt8]
  var covered: [Bool]
  /// Whether grid staff at the door reach each covered household.
  var doorReachable: [Bool]
  var grids: [GridWarningState]
  /// What each channel needs, by `WarningChannel.rawValue`.
  let channelNeeds: [InfrastructureNeeds]
  /// Household ids per grid, ascending.
  let gridMembers: [[Int]]
  var deliveries: [ChannelDelivery] = []
  var doorRounds: [DoorRound] = []

  /// The name of the random stream warnings draw from.
  public static let streamName = "warning"

  /// A run over `roster` on `simulator`.
  ///
  /// `channels` replaces the standard model of each channel it lists.
  ///
  /// - Throws: `EvacuationError` for an invalid channel model or policy.
  public init(
    roster: HouseholdRoster, simulator: Simulator, stream: RandomStream,
    channels: [ChannelModel] = [], callAndAnswer: CallAndAnswerPolicy = CallAndAnswerPolicy(),
    infrastructure: any InfrastructureStatus = OutageSchedule(),
    log: @escaping (WarningEvent) -> Void = { _ in }
  ) throws(EvacuationError) {
    var models = WarningChannel.allCases.map(ChannelModel.standard)
    for model in channels {
      try model.validate()
      models[model.channel.rawValue] = model
    }
    try callAndAnswer.validate()
    self.roster = roster
    self.channels = models
    channelNeeds = models.map(\.needs)
    self.callAndAnswer = callAndAnswer
    self.infrastructure = infrastructure
    self.simulator = simulator
    self.stream = stream
    self.log = log
    firstWarned = [SimTime](repeating: .never, count: roster.count)
    firstChannel = [Int8](repeating: -1, count: roster.count)
    reachedBy = [UInt8](repeating: 0, count: roster.count)
    covered = [Bool](repeating: false, count: roster.count)
    doorReachable = [Bool](repeating: false, count: roster.count)
    grids = [GridWarningState](repeating: GridWarningState(), count: roster.gridIDs.count)
    var members = [[Int]](repeating: [], count: roster.gridIDs.count)
    for household in 0..<roster.count { members[Int(roster.grid[household])].append(household) }
    gridMembers = members
  }

  /// Schedules `plan` to start at its `issuedAt`.
  ///
  /// - Throws: `EvacuationError` when a zone is not in the roster, a
  ///   channel is listed twice, or the plan is issued in the past.
  public func issue(_ plan: WarningPlan) throws(EvacuationError) {
    for zone in plan.zones where !roster.zoneIDs.indices.contains(zone) {
      throw EvacuationError("warn.zones", "zone index \(zone) out of range")
    }
    guard Set(plan.channels).count == plan.channels.count else {
      throw EvacuationError("warn.channels", "a channel is listed twice")
    }
    guard plan.issuedAt >= simulator.now else {
      throw EvacuationError("warn", "issued at \(plan.issuedAt) s, before now (\(simulator.now) s)")
    }
    simulator.schedule(after: plan.issuedAt - simulator.now) { [weak self] in
      self?.start(plan)
    }
  }

  /// Starts a plan now: draws reach times and starts walks and calls.
  func start(_ plan: WarningPlan) {
    let now = simulator.now
    var inPlan = [Bool](repeating: false, count: roster.zoneIDs.count)
    for zone in plan.zones { inPlan[zone] = true }
    let uses = Set(plan.channels)
    var pending = [[(SimTime, Int32)]](repeating: [], count: WarningChannel.allCases.count)
    var coveredGrids = [Bool](repeating: false, count: roster.gridIDs.count)
    for (grid, zone) in roster.gridZones.enumerated() where inPlan[zone] {
      coveredGrids[grid] = true
    }
    for household in 0..<roster.count where inPlan[Int(roster.zone[household])] {
      covered[household] = true
      coveredGrids[Int(roster.grid[household])] = true
      var local = RandomStream(rawSeed: stream.next())
      let lead = roster.groups[household].lead
      for model in channels {
        let reachLot = local.unit()
        let timeLot = local.unit()
        let reachable = reachLot < model.reachableShare[lead]
        if model.channel == .door {
          doorReachable[household] = reachable
          continue
        }
        guard reachable, uses.contains(model.channel) else { continue }
        if model.channel == .gong {
          let home = roster.position(of: household)
          let gongs = plan.gongPoints ?? [roster.zoneCentres[Int(roster.zone[household])]]
          guard gongs.contains(where: { $0.distance(to: home) <= model.radius }) else { continue }
        }
        let seconds = model.delay + model.curve.time(forShare: timeLot)
        pending[model.channel.rawValue].append((now + Self.duration(seconds), Int32(household)))
      }
    }
    for channel in WarningChannel.allCases where !pending[channel.rawValue].isEmpty {
      let sorted = pending[channel.rawValue].sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      deliveries.append(
        ChannelDelivery(channel: channel, times: sorted.map(\.0), households: sorted.map(\.1)))
      scheduleDelivery(deliveries.count - 1)
    }
    let gridList = coveredGrids.indices.filter { coveredGrids[$0] }
    if uses.contains(.door) {
      for grid in gridList {
        startDoorWalk(
          grid: grid, at: now + Self.duration(channels[WarningChannel.door.rawValue].delay))
      }
    }
    if plan.callAndAnswer {
      for grid in gridList { startCallAndAnswer(grid: grid) }
    }
  }

  /// Schedules delivery cursor `index` at its next reach time.
  func scheduleDelivery(_ index: Int) {
    let delivery = deliveries[index]
    guard delivery.next < delivery.times.count else { return }
    simulator.schedule(after: delivery.times[delivery.next] - simulator.now) { [weak self] in
      self?.advanceDelivery(index)
    }
  }

  /// Delivers every reach due now on cursor `index`, then waits for the next.
  func advanceDelivery(_ index: Int) {
    let now = simulator.now
    let channel = deliveries[index].channel
    while deliveries[index].next < deliveries[index].times.count,
      deliveries[index].times[deliveries[index].next] <= now
    {
      deliver(Int(deliveries[index].households[deliveries[index].next]), by: channel)
      deliveries[index].next += 1
    }
    scheduleDelivery(index)
  }

  /// `channel` reaches `household` now, if its infrastructure is up.
  func deliver(_ household: Int, by channel: WarningChannel) {
    let now = simulator.now
    let bit = UInt8(1) << UInt8(channel.rawValue)
    guard reachedBy[household] & bit == 0 else { return }
    let needs = channelNeeds[channel.rawValue]
    if !needs.isEmpty {
      let zone = Int(roster.zone[household])
      guard infrastructure.provides(needs, zone: zone, at: now) else { return }
    }
    reachedBy[household] |= bit
    if firstWarned[household] == .never {
      firstWarned[household] = now
      firstChannel[household] = Int8(channel.rawValue)
      log(WarningEvent(time: now, kind: .warned(household: household, channel: channel)))
    }
  }

  /// Seconds as a kernel duration (milliseconds, rounded).
  static func duration(_ seconds: Double) -> SimTime {
    SimTime(seconds: seconds) ?? .never
  }
}

/// One channel's reach times of one plan, walked in order by one event.
struct ChannelDelivery {
  let channel: WarningChannel
  let times: [SimTime]
  let households: [Int32]
  var next = 0
}

/// A grid's 叫应 and door-to-door progress.
struct GridWarningState: Equatable, Sendable {
  var calledFrom = SimTime.never
  var reachedAt = SimTime.never
  var acknowledgedAt = SimTime.never
  var recalledAt = SimTime.never
  var doorEscalatedAt = SimTime.never
  var doorStartedAt = SimTime.never
  var doorFinishedAt = SimTime.never
  /// Answer lots of the first call and the re-call.
  var answerLots: [Double] = [0, 0]
  /// Acknowledgement delays after the first call and the re-call.
  var acknowledgementDelays: [SimTime] = [.zero, .zero]
}
