import Township

/// One household (or visitor party, or institution) of a roster, as a value.
///
/// The roster stores households column by column; this is the row view
/// used to add one and to read one back. Indices refer to the roster's
/// zone and grid tables and to the map's nodes.
public struct Household: Hashable, Sendable {
  /// Index into the roster's zones (the map's zone order).
  public var zone: Int
  /// Index into the roster's grids.
  public var grid: Int
  /// The map node the household leaves from.
  public var node: Int
  /// Where the household lives, in the map's local metres.
  public var position: MapPoint
  /// Persons, at least 1.
  public var size: Int
  /// Vehicles the household can drive away in.
  public var vehicles: Int
  /// The groups its members belong to.
  public var groups: PopulationGroups
  /// True when it cannot leave without help (a mobility-impaired member,
  /// some elderly living alone, clinic patients, schoolchildren).
  public var needsAssistance: Bool
  /// True when it follows an evacuation order; non-compliers stay.
  public var complies: Bool

  public init(
    zone: Int, grid: Int, node: Int, position: MapPoint, size: Int, vehicles: Int = 0,
    groups: PopulationGroups = [], needsAssistance: Bool = false, complies: Bool = true
  ) {
    self.zone = zone
    self.grid = grid
    self.node = node
    self.position = position
    self.size = size
    self.vehicles = vehicles
    self.groups = groups
    self.needsAssistance = needsAssistance
    self.complies = complies
  }

  /// The group that decides its pre-movement and channel reach.
  public var lead: PopulationGroup { groups.lead }
}
