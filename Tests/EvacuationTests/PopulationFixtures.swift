import Evacuation
import SimKernel
import Township

/// Small maps and rosters the population, pre-movement and warning suites share.
enum PopulationFixtures {
  /// Lowland (1000 persons in 400 households, every group), Hill (237 in
  /// 90, elderly only), an empty camp, and `bigHouseholds` households of
  /// 2.5 persons in Plain, which has no grid of its own.
  static func township(bigHouseholds: Int = 0) throws -> Township {
    let nodes = [
      Node(id: "a", position: MapPoint(x: 0, y: 0)),
      Node(id: "b", position: MapPoint(x: 1000, y: 0)),
      Node(id: "c", position: MapPoint(x: 0, y: 2000)),
      Node(id: "s", position: MapPoint(x: 50, y: 0)),
      Node(id: "p", position: MapPoint(x: 9000, y: 0)),
    ]
    var zones = [
      Zone(
        id: "lowland", node: 0, position: nodes[0].position, population: 1000, households: 400,
        groups: [
          GroupShare(name: "elderly", share: 0.2), GroupShare(name: "children", share: 0.15),
          GroupShare(name: "mobility_impaired", share: 0.03),
          GroupShare(name: "visitors", share: 0.05), GroupShare(name: "school", share: 0.04),
          GroupShare(name: "clinic", share: 0.01),
        ], grid: "g1"),
      Zone(
        id: "hill", node: 1, position: nodes[1].position, population: 237, households: 90,
        groups: [GroupShare(name: "elderly", share: 0.3)], grid: "g2"),
      Zone(id: "camp", node: 2, position: nodes[2].position, population: 0, households: 0),
    ]
    if bigHouseholds > 0 {
      zones.append(
        Zone(
          id: "plain", node: 4, position: nodes[4].position, population: bigHouseholds * 5 / 2,
          households: bigHouseholds))
    }
    let facilities = [
      Facility(id: "school", kind: .school, node: 3, position: nodes[3].position, capacity: 300),
      Facility(id: "clinic", kind: .clinic, node: 2, position: nodes[2].position, capacity: 20),
    ]
    return try Township(
      nodes: nodes, links: [],
      zones: zones,
      grids: [Grid(id: "g1", zone: "lowland"), Grid(id: "g2", zone: "hill")],
      facilities: facilities)
  }

  /// The roster of `township()` drawn with seed 7.
  static func roster(
    bigHouseholds: Int = 0, options: PopulationOptions = PopulationOptions(),
    replication: Int = 0
  ) throws -> HouseholdRoster {
    var stream = RandomStream(
      seed: 7, name: HouseholdRoster.streamName, replication: replication)
    return try HouseholdRoster(
      township: township(bigHouseholds: bigHouseholds), options: options, stream: &stream)
  }

  /// A one-grid roster with households at `points` around a zone centred
  /// on the origin, all residents (or `group`).
  static func line(
    _ points: [MapPoint], group: PopulationGroup = .residents, size: Int = 2
  ) throws -> HouseholdRoster {
    var roster = try HouseholdRoster(
      zoneIDs: ["a"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["g1"], gridZones: [0])
    for point in points {
      try roster.append(
        Household(
          zone: 0, grid: 0, node: 0, position: point, size: size, groups: PopulationGroups(group)))
    }
    return roster
  }
}
