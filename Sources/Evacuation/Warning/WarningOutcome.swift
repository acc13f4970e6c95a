import SimKernel

/// What the warnings achieved: per household the first warning, per grid
/// and channel who was reached, and each grid's 叫应 record.
///
/// A snapshot taken from a `WarningRun` at any time; "covered" households
/// are those in a zone some issued plan named.
public struct WarningOutcome: Sendable, Equatable {
  public let gridIDs: [String]
  /// First warning per household; `SimTime.never` when none reached it.
  public let firstWarned: [SimTime]
  /// True for households in a zone some plan covered.
  public let covered: [Bool]
  let firstChannelRaw: [Int8]
  let reachedBits: [UInt8]
  let gridOfHousehold: [Int32]
  let gridStates: [GridWarningState]
  let householdsPerGrid: [Int]
  let unreachedPerGrid: [Int]
  /// Reached households per grid and channel, grid-major.
  let reachedPerGrid: [Int]

  init(run: WarningRun) {
    gridIDs = run.roster.gridIDs
    firstWarned = run.firstWarned
    covered = run.covered
    firstChannelRaw = run.firstChannel
    reachedBits = run.reachedBy
    gridOfHousehold = run.roster.grid
    gridStates = run.grids
    let channelCount = WarningChannel.allCases.count
    var households = [Int](repeating: 0, count: gridIDs.count)
    var unreached = [Int](repeating: 0, count: gridIDs.count)
    var reached = [Int](repeating: 0, count: gridIDs.count * channelCount)
    for household in firstWarned.indices where covered[household] {
      let grid = Int(gridOfHousehold[household])
      households[grid] += 1
      if firstWarned[household] == .never { unreached[grid] += 1 }
      for channel in 0..<channelCount where reachedBits[household] & (1 << channel) != 0 {
        reached[grid * channelCount + channel] += 1
      }
    }
    householdsPerGrid = households
    unreachedPerGrid = unreached
    reachedPerGrid = reached
  }

  /// The channel that first warned `household`, if any did.
  public func firstChannel(of household: Int) -> WarningChannel? {
    WarningChannel(rawValue: Int(firstChannelRaw[household]))
  }

  /// True when `channel` reached `household` (first or not).
  public func wasReached(_ household: Int, by channel: WarningChannel) -> Bool {
    reachedBits[household] & (UInt8(1) << UInt8(channel.rawValue)) != 0
  }

  /// Covered households in `grid`.
  public func households(grid: Int) -> Int { householdsPerGrid[grid] }

  /// Covered households in `grid` that `channel` reached.
  public func reached(grid: Int, channel: WarningChannel) -> Int {
    reachedPerGrid[grid * WarningChannel.allCases.count + channel.rawValue]
  }

  /// Covered households in `grid` that `channel` did not reach.
  public func unreached(grid: Int, channel: WarningChannel) -> Int {
    households(grid: grid) - reached(grid: grid, channel: channel)
  }

  /// Covered households in `grid` that no channel reached.
  public func unreached(grid: Int) -> Int { unreachedPerGrid[grid] }

  /// When `grid`'s responsible person was first called (the warning's
  /// issue time for the grid); `SimTime.never` if never.
  public func calledAt(grid: Int) -> SimTime { gridStates[grid].calledFrom }

  /// When `grid` acknowledged; `SimTime.never` if it did not.
  public func acknowledgedAt(grid: Int) -> SimTime { gridStates[grid].acknowledgedAt }

  /// Seconds from the call to the acknowledgement (`warning.<grid>.ack_s`);
  /// nil when the grid did not acknowledge.
  public func acknowledgementDelay(grid: Int) -> Double? {
    let state = gridStates[grid]
    guard state.acknowledgedAt != .never else { return nil }
    return (state.acknowledgedAt - state.calledFrom).seconds
  }

  /// When `grid` was escalated to `step`; `SimTime.never` if it was not.
  public func escalatedAt(grid: Int, step: EscalationStep) -> SimTime {
    step == .recall ? gridStates[grid].recalledAt : gridStates[grid].doorEscalatedAt
  }

  /// When grid staff set off door to door and knocked on the last door.
  public func doorWalk(grid: Int) -> (started: SimTime, finished: SimTime) {
    (gridStates[grid].doorStartedAt, gridStates[grid].doorFinishedAt)
  }

  /// Summary metrics, flat dotted names in a fixed order: per grid that
  /// was called (in grid order) `warning.<grid>.ack_s` (when acknowledged),
  /// `.escalations`, `.households`, `.unreached` and
  /// `.<channel>.reached`; then the totals `warning.households`,
  /// `warning.warned`, `warning.unreached`, `warning.grids_acknowledged`,
  /// `warning.grids_escalated`.
  public func metrics() -> [(name: String, value: Double)] {
    var rows: [(String, Double)] = []
    var totals = (households: 0, unreached: 0, acknowledged: 0, escalated: 0)
    for grid in gridIDs.indices
    where gridStates[grid].calledFrom != .never || households(grid: grid) > 0 {
      let prefix = "warning.\(gridIDs[grid])"
      if let ack = acknowledgementDelay(grid: grid) {
        rows.append(("\(prefix).ack_s", ack))
        totals.acknowledged += 1
      }
      let escalations = EscalationStep.allCases.filter {
        escalatedAt(grid: grid, step: $0) != .never
      }
      if !escalations.isEmpty { totals.escalated += 1 }
      let size = households(grid: grid)
      let missed = unreached(grid: grid)
      totals.households += size
      totals.unreached += missed
      rows.append(("\(prefix).escalations", Double(escalations.count)))
      rows.append(("\(prefix).households", Double(size)))
      rows.append(("\(prefix).unreached", Double(missed)))
      for channel in WarningChannel.allCases {
        rows.append(
          ("\(prefix).\(channel.name).reached", Double(reached(grid: grid, channel: channel))))
      }
    }
    rows.append(("warning.households", Double(totals.households)))
    rows.append(("warning.warned", Double(totals.households - totals.unreached)))
    rows.append(("warning.unreached", Double(totals.unreached)))
    rows.append(("warning.grids_acknowledged", Double(totals.acknowledged)))
    rows.append(("warning.grids_escalated", Double(totals.escalated)))
    return rows.map { (name: $0.0, value: $0.1) }
  }
}

extension WarningRun {
  /// The results so far.
  public var outcome: WarningOutcome { WarningOutcome(run: self) }
}
