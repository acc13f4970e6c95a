/// A team as a scenario declares it: what it is, where it is based, what
/// it can do and how fast it turns out.
public struct TeamSpec: Sendable, Equatable {
  public var id: String
  public var kind: TeamKind
  /// Persons in the team.
  public var size: Int
  /// Skills an incident may require (`fire`, `rescue`, `water_rescue`,
  /// `medical`, `hazmat`, `mine`, `assist`, `sandbag`, or any other word).
  public var skills: Set<String>
  public var conveyance: Conveyance
  /// Node index of the home station.
  public var station: Int
  public var roster: DutyRoster
  /// Seconds from the call to departure while on duty, and while off duty.
  public var onDutyCallOut: Double
  public var offDutyCallOut: Double

  /// A team with the defaults of its kind for everything not given.
  public init(
    id: String, kind: TeamKind, station: Int, size: Int? = nil, skills: Set<String>? = nil,
    conveyance: Conveyance? = nil, roster: DutyRoster = .always,
    onDutyCallOut: Double? = nil, offDutyCallOut: Double? = nil
  ) {
    self.id = id
    self.kind = kind
    self.station = station
    self.size = size ?? kind.defaultSize
    self.skills = skills ?? Set(kind.defaultSkills)
    self.conveyance = conveyance ?? kind.defaultConveyance
    self.roster = roster
    self.onDutyCallOut = onDutyCallOut ?? kind.defaultOnDutyCallOut
    self.offDutyCallOut = offDutyCallOut ?? kind.defaultOffDutyCallOut
  }

  /// Whether the team has every skill in `required`.
  public func canServe(_ required: [String]) -> Bool {
    required.allSatisfy(skills.contains)
  }
}

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
