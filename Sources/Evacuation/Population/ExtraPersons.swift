/// Persons present in a zone on top of the map's population: weekend
/// guests at a farm stay, children at a school camp, a clinic's patients.
///
/// Maps carry who lives in a zone; who happens to be there on the day of a
/// drill is the scenario's to say, so it is kept apart from the map and
/// added when the roster is drawn (the map's own split is left as it is).
public struct ExtraPersons: Sendable, Equatable {
  /// The zone's id.
  public var zone: String
  /// The group they belong to (visitors come in parties, schools and
  /// clinics as one unit at the nearest such facility).
  public var group: PopulationGroup
  /// How many persons (at least 0).
  public var persons: Int

  public init(zone: String, group: PopulationGroup, persons: Int) {
    self.zone = zone
    self.group = group
    self.persons = persons
  }
}
