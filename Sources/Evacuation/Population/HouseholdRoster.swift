import Township

/// The household roster (危险区域摸底调查表): every household of the run, in
/// compact columns.
///
/// Households are numbered 0..<count; the number is their id everywhere
/// (departures, warnings, movement, shelter headcount). Columns are plain
/// arrays so a million households cost a few tens of megabytes and a model
/// can walk one column without touching the others. Zones and grids are
/// tables of ids that the `zone` and `grid` columns index.
///
/// Build one from a map with `HouseholdRoster(township:options:stream:)`,
/// or append households by hand (tests, imported rosters).
public struct HouseholdRoster: Sendable, Equatable {
  /// Zone ids, in the map's zone order.
  public let zoneIDs: [String]
  /// Grid ids: the map's grids, then one implicit grid per zone that has
  /// none (named after the zone).
  public let gridIDs: [String]
  /// For each grid, the zone it hangs under (where grid staff start).
  public let gridZones: [Int]
  /// For each zone, where its grid staff start walking and gongs stand.
  public let zoneCentres: [MapPoint]

  public private(set) var zone: [Int32] = []
  public private(set) var grid: [Int32] = []
  public private(set) var node: [Int32] = []
  public private(set) var x: [Double] = []
  public private(set) var y: [Double] = []
  public private(set) var size: [Int32] = []
  public private(set) var vehicles: [Int16] = []
  public private(set) var groups: [PopulationGroups] = []
  public private(set) var needsAssistance: [Bool] = []
  public private(set) var complies: [Bool] = []
  /// Walking speed caps by group (`PopulationOptions.walkSpeed`); a roster
  /// drawn from a map takes its options', one built by hand the defaults.
  public var groupWalkSpeeds = PopulationOptions().walkSpeed

  /// An empty roster over these zones and grids.
  ///
  /// - Throws: `EvacuationError` when the tables disagree in length or a
  ///   grid names a zone index out of range.
  public init(
    zoneIDs: [String], zoneCentres: [MapPoint], gridIDs: [String], gridZones: [Int]
  ) throws(EvacuationError) {
    guard zoneIDs.count == zoneCentres.count else {
      throw EvacuationError("roster", "\(zoneIDs.count) zones but \(zoneCentres.count) centres")
    }
    guard gridIDs.count == gridZones.count else {
      throw EvacuationError("roster", "\(gridIDs.count) grids but \(gridZones.count) zones")
    }
    for (index, zone) in gridZones.enumerated() where !zoneIDs.indices.contains(zone) {
      throw EvacuationError("grids[\(index)]", "zone index \(zone) out of range")
    }
    self.zoneIDs = zoneIDs
    self.zoneCentres = zoneCentres
    self.gridIDs = gridIDs
    self.gridZones = gridZones
  }

  /// Number of households.
  public var count: Int { zone.count }

  /// Persons in all households.
  public var population: Int { size.reduce(0) { $0 + Int($1) } }

  /// Appends a household; its id is the old `count`.
  ///
  /// - Throws: `EvacuationError` when its zone or grid is not in the
  ///   tables or its size is below 1.
  public mutating func append(_ household: Household) throws(EvacuationError) {
    // The location is spelled out only for an error: building it for
    // every household was a tenth of a county roster's cost.
    func invalid(_ message: String) -> EvacuationError {
      EvacuationError("households[\(count)]", message)
    }
    guard zoneIDs.indices.contains(household.zone) else {
      throw invalid("zone index \(household.zone) out of range")
    }
    guard gridIDs.indices.contains(household.grid) else {
      throw invalid("grid index \(household.grid) out of range")
    }
    guard household.size >= 1, household.vehicles >= 0, household.node >= 0 else {
      throw invalid("needs size >= 1, vehicles >= 0 and a node")
    }
    zone.append(Int32(household.zone))
    grid.append(Int32(household.grid))
    node.append(Int32(household.node))
    x.append(household.position.x)
    y.append(household.position.y)
    size.append(Int32(household.size))
    vehicles.append(Int16(clamping: household.vehicles))
    groups.append(household.groups)
    needsAssistance.append(household.needsAssistance)
    complies.append(household.complies)
  }

  /// Household `index` as a value.
  public subscript(index: Int) -> Household {
    Household(
      zone: Int(zone[index]), grid: Int(grid[index]), node: Int(node[index]),
      position: position(of: index), size: Int(size[index]), vehicles: Int(vehicles[index]),
      groups: groups[index], needsAssistance: needsAssistance[index], complies: complies[index])
  }

  /// The speed (m/s) household `index` walks at in a zone whose free
  /// walking speed is `zoneSpeed`: the slowest of its members' groups.
  public func walkSpeed(of index: Int, zoneSpeed: Double) -> Double {
    var speed = zoneSpeed
    for group in PopulationGroup.allCases where groups[index].contains(group) {
      if let cap = groupWalkSpeeds[group] { speed = min(speed, cap) }
    }
    return speed
  }

  /// Where household `index` lives.
  public func position(of index: Int) -> MapPoint { MapPoint(x: x[index], y: y[index]) }

  /// The ids of the households in grid `grid`, ascending.
  public func households(inGrid grid: Int) -> [Int] {
    self.grid.indices.filter { Int(self.grid[$0]) == grid }
  }

  /// The index of zone `id`.
  public func zoneIndex(of id: String) -> Int? { zoneIDs.firstIndex(of: id) }

  /// The index of grid `id`.
  public func gridIndex(of id: String) -> Int? { gridIDs.firstIndex(of: id) }

  /// Persons per zone, in zone order.
  public var populationByZone: [Int] {
    var totals = [Int](repeating: 0, count: zoneIDs.count)
    for index in zone.indices { totals[Int(zone[index])] += Int(size[index]) }
    return totals
  }
}
