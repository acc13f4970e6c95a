/// A village or community (村/社区): where households live and leave from.
///
/// Population is split into groups by share (`elderly = 0.2`, ...); the
/// rest is the general group. A zone belongs to one grid (网格), whose
/// responsible person answers warnings for it.
public struct Zone: Hashable, Sendable {
  public var id: String
  public var name: String?
  /// Index of the node households leave from.
  public var node: Int
  public var position: MapPoint
  public var population: Int
  public var households: Int
  /// Default walking speed of the zone's people, m/s.
  public var walkSpeed: Double
  /// Population shares by group name, sorted by name.
  public var groups: [GroupShare]
  /// The id of the grid the zone belongs to.
  public var grid: String?

  /// Free walking speed of adults, 1.34 m/s (Weidmann 1993;
  /// reference/evacuation.md §3.1).
  public static let defaultWalkSpeed = 1.34

  public init(
    id: String, name: String? = nil, node: Int, position: MapPoint, population: Int,
    households: Int, walkSpeed: Double = Zone.defaultWalkSpeed, groups: [GroupShare] = [],
    grid: String? = nil
  ) {
    self.id = id
    self.name = name
    self.node = node
    self.position = position
    self.population = population
    self.households = households
    self.walkSpeed = walkSpeed
    self.groups = groups.sorted { $0.name < $1.name }
    self.grid = grid
  }
}

/// One population group's share of a zone (0...1).
public struct GroupShare: Hashable, Sendable {
  public var name: String
  public var share: Double

  public init(name: String, share: Double) {
    self.name = name
    self.share = share
  }
}

/// A grid (网格): the unit a grid responsible person (网格员) answers for.
///
/// Grids hang under a zone; warnings are acknowledged (叫应) per grid.
public struct Grid: Hashable, Sendable {
  public var id: String
  public var zone: String
  /// The grid responsible person, when the map names one.
  public var responsible: String?

  public init(id: String, zone: String, responsible: String? = nil) {
    self.id = id
    self.zone = zone
    self.responsible = responsible
  }
}
