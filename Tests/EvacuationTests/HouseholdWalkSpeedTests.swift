import Evacuation
import Testing
import Township

/// A household's walking speed: the slowest of its members' groups, never
/// above its zone's speed.
@Suite struct HouseholdWalkSpeedTests {
  /// Four households of one zone with the given member groups.
  static func roster(_ groups: [PopulationGroups]) throws -> HouseholdRoster {
    var roster = try HouseholdRoster(
      zoneIDs: ["z"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["g"], gridZones: [0])
    for members in groups {
      try roster.append(
        Household(
          zone: 0, grid: 0, node: 0, position: MapPoint(x: 0, y: 0), size: 2, groups: members))
    }
    return roster
  }

  @Test func theSlowestMemberSetsThePace() throws {
    var elderlyAndChild = PopulationGroups(.elderly)
    elderlyAndChild.insert(.children)
    var elderlyAndImpaired = PopulationGroups(.elderly)
    elderlyAndImpaired.insert(.mobilityImpaired)
    var roster = try Self.roster([
      PopulationGroups(.residents), elderlyAndChild, elderlyAndImpaired,
      PopulationGroups(.children),
    ])
    #expect(roster.walkSpeed(of: 2, zoneSpeed: 1.34) == 1.34, "no caps by default")
    roster.groupWalkSpeeds[.elderly] = 0.85
    roster.groupWalkSpeeds[.mobilityImpaired] = 0.6
    #expect(roster.walkSpeed(of: 0, zoneSpeed: 1.34) == 1.34)
    #expect(roster.walkSpeed(of: 1, zoneSpeed: 1.34) == 0.85)
    #expect(roster.walkSpeed(of: 2, zoneSpeed: 1.34) == 0.6)
    #expect(roster.walkSpeed(of: 3, zoneSpeed: 1.34) == 1.34)
    // A zone slower than the group's cap (a steep path) keeps its speed.
    #expect(roster.walkSpeed(of: 1, zoneSpeed: 0.7) == 0.7)
  }

  @Test func optionsSetAndCheckTheCaps() throws {
    var options = PopulationOptions()
    options.walkSpeed[.elderly] = 0.8
    var roster = try Self.roster([PopulationGroups(.elderly)])
    roster.groupWalkSpeeds = options.walkSpeed
    #expect(roster.walkSpeed(of: 0, zoneSpeed: 1.34) == 0.8)
    options.walkSpeed[.children] = -1
    #expect(throws: EvacuationError.self) { try options.validate() }
  }
}
