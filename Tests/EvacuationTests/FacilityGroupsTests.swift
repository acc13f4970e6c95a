import Evacuation
import SimKernel
import Testing
import Township

/// Population groups derived from the map: people at its schools, clinics
/// and lodgings, and census-like shares for zones the map gives none.
@Suite("Groups from the map")
struct FacilityGroupsTests {
  /// Village v at x = 0 (20 persons, 8 households, no groups) and hamlet
  /// h at x = 3000 (10 persons, 4 households, elderly 0.5); a school at
  /// x = 200 and a clinic at x = 2900, a hotel at x = 1400 (nearer v).
  static func township() throws -> Township {
    let xs: [Double] = [0, 3000, 200, 2900, 1400]
    let nodes = xs.enumerated().map {
      Node(id: "n\($0.offset)", position: MapPoint(x: $0.element, y: 0))
    }
    return try Township(
      nodes: nodes, links: [],
      zones: [
        Zone(id: "v", node: 0, position: nodes[0].position, population: 20, households: 8),
        Zone(
          id: "h", node: 1, position: nodes[1].position, population: 10, households: 4,
          groups: [GroupShare(name: "elderly", share: 0.5)]),
      ],
      facilities: [
        Facility(id: "school", kind: .school, node: 2, position: nodes[2].position),
        Facility(id: "clinic", kind: .clinic, node: 3, position: nodes[3].position),
        Facility(id: "hotel", kind: .lodging, node: 4, position: nodes[4].position),
      ])
  }

  static func options(inSession: Bool = true) -> PopulationOptions {
    var options = PopulationOptions()
    options.schoolPersons = 40
    options.schoolInSession = inSession
    options.clinicPersons = 12
    options.lodgingGuests = 7
    options.groupShares[.elderly] = 0.25
    return options
  }

  @Test func eachPlaceJoinsTheNearestZone() throws {
    let places = FacilityGroups(township: try Self.township(), options: Self.options())
    #expect(places.byZone[0].map(\.group) == [.school, .visitors])
    #expect(places.byZone[0].map(\.persons) == [40, 7])
    #expect(places.byZone[1].map(\.group) == [.clinic])
    #expect(places.byZone[1].map(\.node) == [3])
  }

  @Test func schoolsAreEmptyOutOfSession() throws {
    let places = FacilityGroups(
      township: try Self.township(), options: Self.options(inSession: false))
    #expect(places.byZone[0].map(\.group) == [.visitors])
  }

  @Test func nothingIsDerivedByDefault() throws {
    let places = FacilityGroups(township: try Self.township(), options: PopulationOptions())
    #expect(places.byZone.allSatisfy { $0.isEmpty })
  }

  /// The roster holds each zone's households, then its places.
  ///
  /// v: 20 residents, 5 of them elderly (0.25), in 8 households; then the
  /// school (40, one unit needing help) and the hotel's 7 guests in parties
  /// of 3 (3, 2, 2) leaving from the hotel. h keeps its map share (5
  /// elderly of 10), then the clinic's 12 as one unit.
  @Test func theRosterHoldsThePlacesAndTheShares() throws {
    var stream = RandomStream(seed: 7, name: "population")
    let roster = try HouseholdRoster(
      township: try Self.township(), options: Self.options(), stream: &stream)
    let v = (0..<roster.count).filter { roster.zone[$0] == 0 }
    let h = (0..<roster.count).filter { roster.zone[$0] == 1 }
    #expect(v.count == 8 + 1 + 3)
    #expect(h.count == 4 + 1)
    let elderlyInV = v.prefix(8).filter { roster.groups[$0].contains(.elderly) }
    #expect(!elderlyInV.isEmpty && elderlyInV.count <= 5)
    #expect(roster.groups[v[8]] == PopulationGroups(.school) && roster.size[v[8]] == 40)
    #expect(roster.needsAssistance[v[8]] && roster.node[v[8]] == 2)
    #expect(v.suffix(3).map { Int(roster.size[$0]) } == [3, 2, 2])
    #expect(v.suffix(3).allSatisfy { roster.node[$0] == 4 && roster.groups[$0].lead == .visitors })
    #expect(roster.groups[h[4]] == PopulationGroups(.clinic) && roster.size[h[4]] == 12)
    #expect(roster.populationByZone == [20 + 40 + 7, 10 + 12])
  }

  @Test func badSharesAndSizesAreRejected() {
    var options = PopulationOptions()
    options.groupShares[.elderly] = 0.7
    options.groupShares[.children] = 0.4
    #expect(throws: EvacuationError.self) { try options.validate() }
    options = PopulationOptions()
    options.lodgingGuests = -1
    #expect(throws: EvacuationError.self) { try options.validate() }
  }
}
