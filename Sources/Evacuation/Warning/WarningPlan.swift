import SimKernel
import Township

/// One warning order (`sim.warn { zones = ..., channels = ... }`): which
/// zones, by which channels, from when.
public struct WarningPlan: Sendable, Equatable {
  /// Roster zone indices the order covers.
  public var zones: [Int]
  /// Channels used, each at most once.
  public var channels: [WarningChannel]
  /// When the order is issued (the clock of every channel's delay).
  public var issuedAt: SimTime
  /// Where gongs sound, heard by covered households within the gong
  /// radius; nil puts one at the centre of each covered zone, heard by
  /// that zone's households.
  public var gongPoints: [MapPoint]?
  /// The text carried by the warning, for the event log.
  public var message: String
  /// Whether the grids' responsible persons must acknowledge (叫应).
  public var callAndAnswer: Bool

  public init(
    zones: [Int], channels: [WarningChannel], issuedAt: SimTime, gongPoints: [MapPoint]? = nil,
    message: String = "", callAndAnswer: Bool = true
  ) {
    self.zones = zones
    self.channels = channels
    self.issuedAt = issuedAt
    self.gongPoints = gongPoints
    self.message = message
    self.callAndAnswer = callAndAnswer
  }
}

/// What happened during a warning run, for the caller to log.
public struct WarningEvent: Sendable, Equatable {
  /// The kinds of warning events.
  public enum Kind: Sendable, Equatable {
    /// A household got its first warning, by this channel.
    case warned(household: Int, channel: WarningChannel)
    /// A grid's responsible person's phone rang and was answered.
    case responsibleReached(grid: Int)
    /// A grid's responsible person acknowledged the warning.
    case acknowledged(grid: Int)
    /// A grid missed its deadline and was escalated.
    case escalated(grid: Int, step: EscalationStep)
    /// Grid staff set off door to door.
    case doorWalkStarted(grid: Int)
    /// Grid staff knocked on the grid's last door.
    case doorWalkFinished(grid: Int)
  }

  public var time: SimTime
  public var kind: Kind

  public init(time: SimTime, kind: Kind) {
    self.time = time
    self.kind = kind
  }

  /// The event's `kind` as events.jsonl names it (`warning.acknowledged`).
  public var name: String {
    switch kind {
    case .warned: "warning.warned"
    case .responsibleReached: "warning.responsible_reached"
    case .acknowledged: "warning.acknowledged"
    case .escalated: "warning.escalated"
    case .doorWalkStarted: "warning.door_started"
    case .doorWalkFinished: "warning.door_finished"
    }
  }
}

/// The steps of 叫应 escalation.
public enum EscalationStep: Int, Sendable, Equatable, CaseIterable {
  /// The responsible person is called again.
  case recall
  /// Grid staff go door to door.
  case doorToDoor

  /// The step's name in events and metrics.
  public var name: String { self == .recall ? "recall" : "door" }
}
