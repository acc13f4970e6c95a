import SimKernel

/// One row of the master scenario events list (MSEL): a message the
/// controllers hand to the players during the drill, and what the players
/// are expected to do about it.
///
/// A scenario declares its injects at the top level (`sim.inject{}`), so
/// the list is known before the run starts: the same list drives the run
/// (the inject fires and the run checks whether the expected action
/// followed) and is printed for the real drill (`drillsim drill msel`).
public struct Inject: Sendable, Equatable {
  /// The row number in MSEL order.
  ///
  /// Timed injects come by time (ties in declaration order), then
  /// conditional ones in declaration order.
  public var number: Int
  /// The script's own name for it, if any (events carry it).
  public var id: String?
  /// When a timed inject is delivered; nil for a conditional one.
  public var time: SimTime?
  /// What a conditional inject waits for, as the MSEL shows it.
  public var trigger: String?
  /// Inject type: information, event, media, ...
  public var type: String?
  /// How it is delivered: phone, radio, verbal, SMS, ...
  public var delivery: String?
  /// Who sends it (the originator, real or simulated) and who gets it.
  public var from: String?
  public var to: String
  public var text: String
  public var expectedAction: String?
  /// The objective (or core capability) the inject tests.
  public var objective: String?
  /// Seconds after firing at which the expected action is checked; nil
  /// checks at the end of the run.
  public var within: Double?

  public init(
    number: Int, id: String? = nil, time: SimTime?, trigger: String?, type: String? = nil,
    delivery: String? = nil, from: String? = nil, to: String, text: String,
    expectedAction: String? = nil, objective: String? = nil, within: Double? = nil
  ) {
    self.number = number
    self.id = id
    self.time = time
    self.trigger = trigger
    self.type = type
    self.delivery = delivery
    self.from = from
    self.to = to
    self.text = text
    self.expectedAction = expectedAction
    self.objective = objective
    self.within = within
  }

  /// Whether it waits for a condition rather than a time.
  public var isConditional: Bool { time == nil }

  /// The MSEL order of `injects` (see `number`), as indices into it.
  public static func mselOrder(_ injects: [Inject]) -> [Int] {
    injects.indices.sorted { a, b in
      switch (injects[a].time, injects[b].time) {
      case (let x?, let y?): return x != y ? x < y : a < b
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a < b
      }
    }
  }
}
