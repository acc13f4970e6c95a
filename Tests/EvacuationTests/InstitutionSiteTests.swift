import Evacuation
import SimKernel
import Testing
import Township

/// A zone's own school and clinic groups gather at the nearest school or
/// clinic within the institution radius (ties: the first in map order),
/// or at the zone's point when none is that near.
@Suite("Institution sites")
struct InstitutionSiteTests {
  /// Zones on a 9 x 9 lattice of 700 m, each with a school and a clinic
  /// share; schools and clinics scattered over it, two schools at the same
  /// place (a tie) and a clinic exactly 1,500 m (the radius) from the
  /// corner zone, its nearest.
  static func township() throws -> Township {
    var nodes: [Node] = []
    var zones: [Zone] = []
    for row in 0..<9 {
      for column in 0..<9 {
        let position = MapPoint(x: Double(column) * 700, y: Double(row) * 700)
        nodes.append(Node(id: "z\(nodes.count)", position: position))
        zones.append(
          Zone(
            id: "zone\(zones.count)", node: nodes.count - 1, position: position, population: 40,
            households: 10,
            groups: [
              GroupShare(name: "school", share: 0.2), GroupShare(name: "clinic", share: 0.1),
            ]
          ))
      }
    }
    let places: [(FacilityKind, Double, Double)] = [
      (.school, 350, 350), (.school, 350, 350), (.school, 4200, 1500), (.clinic, 2100, 3600),
      (.school, 5600, 5600), (.clinic, 0, 1500), (.school, 2800, 2800), (.clinic, 5000, 200),
    ]
    var facilities: [Facility] = []
    for (index, place) in places.enumerated() {
      let position = MapPoint(x: place.1, y: place.2)
      nodes.append(Node(id: "f\(index)", position: position))
      facilities.append(
        Facility(id: "f\(index)", kind: place.0, node: nodes.count - 1, position: position))
    }
    return try Township(nodes: nodes, links: [], zones: zones, facilities: facilities)
  }

  @Test func eachZoneUsesTheNearestPlaceWithinTheRadius() throws {
    let township = try Self.township()
    let options = PopulationOptions()
    var stream = RandomStream(seed: 3, name: "population")
    let roster = try HouseholdRoster(township: township, options: options, stream: &stream)
    var checked = 0
    for household in 0..<roster.count {
      let groups = roster.groups[household]
      let kind: FacilityKind
      switch groups {
      case PopulationGroups(.school): kind = .school
      case PopulationGroups(.clinic): kind = .clinic
      default: continue
      }
      let zone = township.zones[Int(roster.zone[household])]
      var expected = zone.node
      var best = Double.infinity
      for facility in township.facilities where facility.kind == kind {
        let distance = facility.position.distance(to: zone.position)
        if distance <= options.institutionRadius, distance < best {
          (expected, best) = (facility.node, distance)
        }
      }
      #expect(Int(roster.node[household]) == expected, "zone \(zone.id), \(kind)")
      checked += 1
    }
    #expect(checked == 2 * township.zones.count)
    // The tie goes to the first school; the clinic at exactly the radius
    // counts for the corner zone.
    let first = township.facilities[0].node
    #expect((0..<roster.count).contains { roster.node[$0] == first })
    #expect(!(0..<roster.count).contains { roster.node[$0] == township.facilities[1].node })
    let corner = (0..<roster.count).filter {
      roster.zone[$0] == 0 && roster.groups[$0] == PopulationGroups(.clinic)
    }
    #expect(corner.map { Int(roster.node[$0]) } == [township.facilities[5].node])
  }
}
