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
