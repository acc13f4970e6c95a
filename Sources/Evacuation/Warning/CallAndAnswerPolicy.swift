#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 叫应 (call and answer): how grid responsible persons are called, answer
/// and are escalated on.
///
/// When a warning is issued, each targeted grid's responsible person is
/// called (a phone call: needs network and power in the grid's zone). If
/// the call gets through and is answered, the person acknowledges after an
/// `acknowledgement` delay. A grid not acknowledged by `deadline` after the
/// warning escalates: it is called again if the network is up (and
/// escalates further `recallDeadline` later if still silent), or straight
/// away sent grid staff door to door if the call cannot get through. The
/// door-to-door walk then follows the `door` channel's model.
public struct CallAndAnswerPolicy: Sendable, Equatable {
  /// Seconds from issuing (or escalating) to the responsible person's
  /// phone ringing: 30 (assumption; 一键叫应 dials all grids at once,
  /// drill-domain.md §1.2).
  public var callDelay = 30.0
  /// Probability that a call that gets through is answered: 0.95
  /// (assumption: asleep, phone away).
  public var answerProbability = 0.95
  /// Delay from answering to acknowledging: lognormal, median 120 s, σ 0.8
  /// (assumption).
  public var acknowledgement = PremovementDistribution.lognormal(mu: log(120), sigma: 0.8)
  /// Seconds after the warning by which a grid must acknowledge: 900, the
  /// drill target "all grid leads acknowledged within 15 min"
  /// (drill-domain.md §3) and the REP 15 min alert window (§1.1).
  public var deadline = 900.0
  /// Seconds after the re-call by which the grid must acknowledge before
  /// staff go door to door: 600 (assumption).
  public var recallDeadline = 600.0
  /// What a call needs in the grid's zone.
  public var needs: InfrastructureNeeds = [.network, .power]

  public init() {}

  /// Checks delays and the answer probability.
  ///
  /// - Throws: `EvacuationError` naming the bad parameter.
  public func validate() throws(EvacuationError) {
    guard callDelay >= 0, deadline >= 0, recallDeadline >= 0,
      callDelay.isFinite, deadline.isFinite, recallDeadline.isFinite
    else { throw EvacuationError("call_and_answer", "delays and deadlines must be >= 0") }
    guard (0...1).contains(answerProbability) else {
      throw EvacuationError("call_and_answer.answer_probability", "must be in 0...1")
    }
    try acknowledgement.validate(at: "call_and_answer.acknowledgement")
  }
}
