/// Roll call at the shelters against the household roster: who was
/// expected, who has been confirmed, and when the last one was.
///
/// Every household ordered to evacuate is on the roster; a household is
/// confirmed when a shelter admits it. Missing persons are those expected
/// minus those confirmed (households sheltering in place, still on the way
/// or stranded are missing to the shelters until found).
public struct Headcount: Sendable, Equatable {
  /// Persons on the roster.
  public var expected: Int
  /// Persons admitted to a shelter.
  public var confirmed: Int
  /// When the roster was complete (sim time, seconds), nil while anyone is missing.
  public var completeAt: Double?

  public init(expected: Int, confirmed: Int, completeAt: Double?) {
    self.expected = expected
    self.confirmed = confirmed
    self.completeAt = completeAt
  }

  /// Expected minus confirmed.
  public var missing: Int { expected - confirmed }
}
