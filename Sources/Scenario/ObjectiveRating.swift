/// The P/S/M/U rating of a time target ("T100 of Lowland within 45 min").
///
/// HSEEP's Exercise Evaluation Guides rate each capability target on four
/// levels: P, performed without challenges; S, performed with some
/// challenges; M, performed with major challenges; U, unable to be
/// performed. For a measured time against a deadline the levels become
/// bands of the overrun:
///
/// - P: the value is at or under the target (the target was met);
/// - S: at most 25 % over it, the kind of slip a debrief fixes with small
///   changes (NUREG/CR-7002 treats a 25 % growth of an evacuation time
///   estimate as the point where the plan must be revisited);
/// - M: at most 50 % over it, a plan that works but needs real changes;
/// - U: more than 50 % over it, or never reached during the run (the
///   people were not sheltered, the grid never answered).
///
/// Only P passes: a target is a promise, and "nearly" is what S and M say.
public struct ObjectiveRating: Sendable, Equatable {
  /// The overrun factors that bound S and M (value / target).
  public static let someChallenges = 1.25
  public static let majorChallenges = 1.5

  /// "P", "S", "M" or "U".
  public let rating: String
  public let pass: Bool

  /// Rates `value` (seconds, nil when never reached) against `target`
  /// (seconds, positive).
  public init(value: Double?, target: Double) {
    guard let value, value.isFinite else {
      rating = "U"
      pass = false
      return
    }
    if value <= target {
      rating = "P"
    } else if value <= target * Self.someChallenges {
      rating = "S"
    } else if value <= target * Self.majorChallenges {
      rating = "M"
    } else {
      rating = "U"
    }
    pass = rating == "P"
  }
}
