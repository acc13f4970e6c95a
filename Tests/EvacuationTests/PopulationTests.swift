import Evacuation
import SimKernel
import Testing
import Township

@Suite("Population roster from map zones")
struct PopulationTests {
  @Test("household sizes add up to each zone's population")
  func sizesSumToPopulation() throws {
    let township = try PopulationFixtures.township(bigHouseholds: 2_000)
    let roster = try PopulationFixtures.roster(bigHouseholds: 2_000)
    #expect(roster.populationByZone == township.zones.map(\.population))
    #expect(roster.size.allSatisfy { $0 >= 1 })
    #expect(roster.population == township.population)
  }

  @Test("groups split by cumulative rounding; parties and institutions")
  func groupUnits() throws {
    let roster = try PopulationFixtures.roster()
    let lowland = (0..<roster.count).filter { roster.zone[$0] == 0 }
    func members(_ group: PopulationGroup) -> [Int] {
      lowland.filter { roster.groups[$0].lead == group }
    }
    // Shares in name order: children .15, clinic .01, elderly .20,
    // mobility_impaired .03, school .04, visitors .05 of 1000 persons.
    #expect(members(.school).map { Int(roster.size[$0]) } == [40])
    #expect(members(.clinic).map { Int(roster.size[$0]) } == [10])
    let parties = members(.visitors).map { Int(roster.size[$0]) }
    #expect(parties.count == 17)  // ceil(50 / 3)
    #expect(parties.reduce(0, +) == 50)
    #expect(parties.filter { $0 == 3 }.count == 16)
    let residents = lowland.filter { roster.groups[$0].lead.isResident }
    #expect(residents.count == 400)
    #expect(residents.reduce(0) { $0 + Int(roster.size[$1]) } == 1000 - 100)
    // The school 50 m away houses the pupils; the clinic 2 km away is too far.
    let school = roster[members(.school)[0]]
    #expect(school.node == 3 && school.position == MapPoint(x: 50, y: 0))
    #expect(roster[members(.clinic)[0]].node == 0)
    #expect(roster[members(.clinic)[0]].needsAssistance)
    // Everyone with a mobility-impaired member needs help.
    #expect(
      lowland.filter { roster.groups[$0].contains(.mobilityImpaired) }
        .allSatisfy { roster.needsAssistance[$0] })
  }

  @Test("zones without a map grid get one named after them")
  func implicitGrids() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 10)
    #expect(roster.gridIDs == ["g1", "g2", "camp", "plain"])
    #expect(roster.gridZones == [0, 1, 2, 3])
    let plain = try #require(roster.zoneIndex(of: "plain"))
    #expect(
      (0..<roster.count).filter { Int(roster.zone[$0]) == plain }
        .allSatisfy { roster.grid[$0] == 3 })
  }

  /// Zones and grids are matched first match first.
  ///
  /// Zones name grids, grids name zones, and either may be missing or
  /// repeated: the first match wins, as it did when each zone searched
  /// every grid. Map grids: 0 gx (zone a), 1 g-orphan (no such zone), 2 and
  /// 3 g-f1 and g-f2 (both zone f), 4 gx again (zone b). Zone a names a
  /// grid the map lacks, so it takes its own first grid (0); b likewise
  /// takes 4; c names none and gets a new grid "c" (5), which d names;
  /// e names gx (the first, 0); f takes g-f1 (2); h names g-orphan (1),
  /// which then belongs to h.
  @Test("grids are matched to zones first match first, in one pass")
  func gridMatching() throws {
    let names = ["a", "b", "c", "d", "e", "f", "h"]
    let zoneGrids: [String?] = ["g-shared", "g-shared", nil, "c", "gx", nil, "g-orphan"]
    let nodes = names.indices.map {
      Node(id: "n\($0)", position: MapPoint(x: Double($0) * 500, y: 0))
    }
    let zones = names.indices.map {
      Zone(
        id: names[$0], node: $0, position: nodes[$0].position, population: 2, households: 1,
        grid: zoneGrids[$0])
    }
    let grids = [
      Grid(id: "gx", zone: "a"), Grid(id: "g-orphan", zone: "nowhere"),
      Grid(id: "g-f1", zone: "f"), Grid(id: "g-f2", zone: "f"), Grid(id: "gx", zone: "b"),
    ]
    let township = try Township(nodes: nodes, links: [], zones: zones, grids: grids)
    var stream = RandomStream(seed: 1, name: "population")
    let roster = try HouseholdRoster(
      township: township, options: PopulationOptions(), stream: &stream)
    #expect(roster.gridIDs == ["gx", "g-orphan", "g-f1", "g-f2", "gx", "c"])
    #expect(roster.gridZones == [0, 6, 5, 5, 1, 2])
    let gridOfZone = names.indices.map { zone in
      (0..<roster.count).first { roster.zone[$0] == zone }.map { Int(roster.grid[$0]) }
    }
    #expect(gridOfZone == [0, 4, 5, 5, 0, 2, 1])
  }

  @Test("sizes are 1 + binomial: mean and variance match")
  func sizeDistribution() throws {
    // Plain: 40 000 households, 100 000 persons. Every person past the
    // first in each household picks a household uniformly, so size - 1 is
    // Binomial(60 000, 1/40 000): mean 1.5, variance 1.5 (1 - 1/40 000).
    let roster = try PopulationFixtures.roster(bigHouseholds: 40_000)
    let sizes = (0..<roster.count).filter { roster.zone[$0] == 3 }.map { Double(roster.size[$0]) }
    #expect(sizes.count == 40_000)
    let mean = sizes.reduce(0, +) / Double(sizes.count)
    let variance = sizes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sizes.count - 1)
    #expect(abs(mean - 2.5) < 1e-12)
    // Sampling sd of the variance is sqrt((λ + 2λ²) / n) = 0.012; allow 5 sd.
    #expect(abs(variance - 1.5 * (1 - 1.0 / 40_000)) < 0.06)
  }

  @Test("same seed gives the same roster; another replication another one")
  func determinism() throws {
    let first = try PopulationFixtures.roster(bigHouseholds: 500)
    let again = try PopulationFixtures.roster(bigHouseholds: 500)
    let other = try PopulationFixtures.roster(bigHouseholds: 500, replication: 1)
    #expect(first == again)
    #expect(first.size != other.size)
    #expect(first.populationByZone == other.populationByZone)
  }

  @Test("vehicles and compliance follow their shares")
  func vehiclesAndCompliance() throws {
    var options = PopulationOptions()
    options.vehicleShare = 0.5
    options.secondVehicleShare = 0.2
    options.compliance[.residents] = 0.7
    let roster = try PopulationFixtures.roster(bigHouseholds: 20_000, options: options)
    let plain = (0..<roster.count).filter { roster.zone[$0] == 3 }
    let n = Double(plain.count)
    let owners = Double(plain.filter { roster.vehicles[$0] > 0 }.count) / n
    let cars = Double(plain.reduce(0) { $0 + Int(roster.vehicles[$1]) }) / n
    let compliant = Double(plain.filter { roster.complies[$0] }.count) / n
    // Binomial standard errors over 20 000 households are below 0.0036; allow 4.
    #expect(abs(owners - 0.5) < 0.015)
    #expect(abs(cars - 0.5 * 1.2) < 0.02)
    #expect(abs(compliant - 0.7) < 0.015)
  }

  @Test("households scatter within the radius around the zone point")
  func scatter() throws {
    var options = PopulationOptions()
    options.scatterRadius = 200
    let roster = try PopulationFixtures.roster(bigHouseholds: 2_000, options: options)
    let plain = (0..<roster.count).filter { roster.zone[$0] == 3 }
    let distances = plain.map { roster.position(of: $0).distance(to: MapPoint(x: 9000, y: 0)) }
    #expect(distances.allSatisfy { $0 <= 200 + 1e-9 })
    // Uniform by area: half the households lie within r / sqrt(2).
    let inner = Double(distances.filter { $0 <= 200 / 2.0.squareRoot() }.count)
    #expect(abs(inner / Double(plain.count) - 0.5) < 0.045)  // 4 sd at n = 2000
    #expect(plain.allSatisfy { roster.node[$0] == 4 })
  }

  @Test("an unknown group name is an error naming the zone")
  func unknownGroup() throws {
    let township = try Township(
      nodes: [Node(id: "a", position: MapPoint(x: 0, y: 0))], links: [],
      zones: [
        Zone(
          id: "z", node: 0, position: MapPoint(x: 0, y: 0), population: 10, households: 4,
          groups: [GroupShare(name: "elderley", share: 0.2)])
      ])
    var stream = RandomStream(seed: 1, name: HouseholdRoster.streamName)
    #expect(throws: EvacuationError("zones[0].groups.elderley", "unknown population group")) {
      try HouseholdRoster(township: township, stream: &stream)
    }
  }
}
