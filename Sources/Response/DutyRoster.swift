/// When a team is on duty (值班备勤): shifts as seconds of the local day.
///
/// A shift may wrap midnight (start after end). No shifts means always on
/// duty. The clock at the scenario start turns sim time into a time of day.
public struct DutyRoster: Sendable, Equatable {
  /// On-duty windows, seconds after local midnight: `start..<end`.
  public var shifts: [(start: Double, end: Double)]

  public init(shifts: [(start: Double, end: Double)]) { self.shifts = shifts }

  /// On duty around the clock.
  public static let always = DutyRoster(shifts: [])

  /// Whether the team is on duty `seconds` after local midnight of day 0.
  public func isOnDuty(secondsOfDay seconds: Double) -> Bool {
    guard !shifts.isEmpty else { return true }
    let t = seconds.truncatingRemainder(dividingBy: 86_400)
    let time = t < 0 ? t + 86_400 : t
    return shifts.contains { shift in
      shift.start <= shift.end
        ? shift.start <= time && time < shift.end
        : time >= shift.start || time < shift.end
    }
  }

  public static func == (a: DutyRoster, b: DutyRoster) -> Bool {
    a.shifts.count == b.shifts.count
      && zip(a.shifts, b.shifts).allSatisfy { $0.start == $1.start && $0.end == $1.end }
  }
}
