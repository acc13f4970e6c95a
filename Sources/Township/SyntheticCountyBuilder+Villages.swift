import SimKernel

/// Villages: the street lattice, its connection to the valley road, zones
/// and grids, shelters, and the seat's township facilities.
extension SyntheticCountyBuilder {
  /// Metres from the side stream to a station village's centre.
  static let stationVillageOffset = 450.0
  /// Metres from the main river axis to a seat's centre (on its valley's side).
  static let seatDistance = 800.0
  /// Villages of at least this many households have a school (seats always do).
  static let schoolHouseholds = 250
  /// The school's share of a village's shelter places (the hall takes the rest).
  static let schoolShelterShare = 0.6

  /// A village's street lattice: its first node and its size in blocks.
  struct Lattice {
    var first: Int
    var columns: Int
    var rows: Int

    /// The node at (column, row), row 0 the southernmost.
    func node(_ column: Int, _ row: Int) -> Int { first + row * (columns + 1) + column }

    var nodeCount: Int { (columns + 1) * (rows + 1) }
  }

  /// Builds village `index`: streets, connection, zones, grids, facilities.
  mutating func buildVillage(_ index: Int) {
    let plan = plans[index]
    var stream = RandomStream(seed: options.seed, name: "synth.village", replication: index)
    let valley = terrain.valleys[plan.cluster]
    let station = (plan.slot + 1) / 2
    let isEast = plan.slot % 2 == 1
    let centre =
      plan.slot == 0
      ? valleyPoint(cluster: plan.cluster, distance: Self.seatDistance, offset: Self.seatOffset)
      : valleyPoint(
        cluster: plan.cluster,
        distance: SyntheticTerrain.mainFloorHalfWidth
          + (Double(station) - 0.5) * SyntheticTerrain.stationSpacing,
        offset: isEast ? Self.stationVillageOffset : -Self.stationVillageOffset)
    let lattice = buildLattice(centre: centre, households: plan.households, stream: &stream)
    let outer = valley.side > 0 ? lattice.rows : 0
    let inner = valley.side > 0 ? 0 : lattice.rows
    let clusterStops = stops[plan.cluster]
    if plan.slot == 0 {
      if let bridgehead = clusterStops.bridgehead {
        addLink(lattice.node(0, lattice.rows / 2), bridgehead, "tertiary")
        addLink(
          lattice.node(lattice.columns / 2, lattice.rows), clusterStops.trunkSeat, "footway",
          id: "footbridge-\(plan.id)", width: Self.footbridgeWidth)
      } else {
        addLink(lattice.node(lattice.columns / 2, inner), clusterStops.trunkSeat, "tertiary")
      }
    } else if isEast {
      addLink(lattice.node(0, lattice.rows / 2), clusterStops.stations[station - 1], "tertiary")
      hikeStart[plan.cluster] = lattice.node(lattice.columns, outer)
    } else {
      addLink(
        lattice.node(lattice.columns, lattice.rows / 2), clusterStops.stations[station - 1],
        "tertiary", id: "bridge-\(plan.id)")
      if let landing = clusterStops.footbridges[station - 1] {
        addLink(
          lattice.node(lattice.columns, outer), landing, "footway", id: "footbridge-\(plan.id)",
          width: Self.footbridgeWidth)
      }
    }
    let (population, zoneCount) = addZones(plan: plan, lattice: lattice, stream: &stream)
    let shelterCapacity = addFacilities(plan: plan, lattice: lattice, population: population)
    summaries.append(
      SyntheticVillage(
        id: plan.id, name: plan.name, cluster: plan.cluster, isSeat: plan.slot == 0,
        households: plan.households, population: population, zones: zoneCount,
        shelterCapacity: shelterCapacity))
  }

  /// Lays a lattice of 80 m blocks (15 households each, at most 6 x 6)
  /// around `centre`, nodes jittered by up to 8 m, streets residential.
  mutating func buildLattice(
    centre: MapPoint, households: Int, stream: inout RandomStream
  ) -> Lattice {
    let blocks = max(1, (households + Self.householdsPerBlock - 1) / Self.householdsPerBlock)
    var columns = 1
    while columns * columns < blocks { columns += 1 }
    columns = min(columns, Self.maximumBlocks)
    let rows = min(Self.maximumBlocks, (blocks + columns - 1) / columns)
    let lattice = Lattice(first: nodes.count, columns: columns, rows: rows)
    for row in 0...rows {
      for column in 0...columns {
        let dx = (Double(column) - Double(columns) / 2) * Self.blockSize + stream.uniform(-8, 8)
        let dy = (Double(row) - Double(rows) / 2) * Self.blockSize + stream.uniform(-8, 8)
        _ = addNode(MapPoint(x: centre.x + dx, y: centre.y + dy))
      }
    }
    for row in 0...rows {
      for column in 0...columns {
        if column < columns {
          addLink(lattice.node(column, row), lattice.node(column + 1, row), "residential")
        }
        if row < rows {
          addLink(lattice.node(column, row), lattice.node(column, row + 1), "residential")
        }
      }
    }
    return lattice
  }

  /// Adds one zone and one grid per `householdsPerGrid` households.
  ///
  /// Households are split evenly over ceil(households / per grid) zones
  /// that leave from lattice nodes spread over the village. Population is
  /// rounded cumulatively over the county, so the total is exactly
  /// round(households x persons per household).
  mutating func addZones(
    plan: Plan, lattice: Lattice, stream: inout RandomStream
  ) -> (population: Int, zones: Int) {
    func vary(_ share: Double) -> Double {
      (share * stream.uniform(0.8, 1.2) * 1_000).rounded() / 1_000
    }
    let groups = [
      GroupShare(name: "children", share: vary(options.childrenShare)),
      GroupShare(name: "elderly", share: vary(options.elderlyShare)),
      GroupShare(name: "mobility_impaired", share: vary(options.mobilityImpairedShare)),
    ]
    let count = (plan.households + options.householdsPerGrid - 1) / options.householdsPerGrid
    var before = plan.householdsBefore
    var population = 0
    for part in 0..<count {
      let households = plan.households / count + (part < plan.households % count ? 1 : 0)
      let people =
        Int((Double(before + households) * options.personsPerHousehold).rounded())
        - Int((Double(before) * options.personsPerHousehold).rounded())
      before += households
      population += people
      let id = "\(plan.id)-\(part + 1)"
      let node = lattice.first + (2 * part + 1) * lattice.nodeCount / (2 * count)
      zones.append(
        Zone(
          id: id, name: count == 1 ? plan.name : "\(plan.name) group \(part + 1)", node: node,
          position: nodes[node].position, population: people, households: households,
          groups: groups, grid: "g-\(id)"))
      grids.append(Grid(id: "g-\(id)", zone: id, responsible: "wgy-\(id)"))
    }
    return (population, count)
  }

  /// The village hall (and school) as shelters holding `shelterShare` of
  /// the residents; at a seat also the township depot, rescue station and
  /// health centre, and the county's stations and depot where they fall.
  mutating func addFacilities(plan: Plan, lattice: Lattice, population: Int) -> Int {
    func place(_ kind: FacilityKind, _ id: String, _ name: String, _ node: Int, _ capacity: Int?) {
      facilities.append(
        Facility(
          id: id, kind: kind, name: name, node: node, position: nodes[node].position,
          capacity: capacity))
    }
    let isSeat = plan.slot == 0
    let capacity = max(0, Int((options.shelterShare * Double(population) - 1e-9).rounded(.up)))
    let hasSchool = isSeat || plan.households >= Self.schoolHouseholds
    let school = hasSchool ? Int(Double(capacity) * Self.schoolShelterShare) : 0
    let centre = lattice.node(lattice.columns / 2, lattice.rows / 2)
    place(
      .shelter, "shelter-\(plan.id)-hall", "\(plan.name) \(isSeat ? "township" : "village") hall",
      centre, capacity - school)
    if hasSchool {
      place(
        .shelter, "shelter-\(plan.id)-school", "\(plan.name) school", lattice.node(0, 0), school)
    }
    guard isSeat else { return capacity }
    let cluster = plan.cluster
    place(
      .depot, "depot-c\(cluster)", "\(plan.name) township depot", lattice.node(0, lattice.rows), nil
    )
    place(
      .station, "station-c\(cluster)", "\(plan.name) township rescue team",
      lattice.node(lattice.columns, 0), nil)
    place(.clinic, "clinic-c\(cluster)", "\(plan.name) health centre", centre, nil)
    if cluster % 5 == 2 || (clusterCount <= 2 && cluster == 0) {
      place(
        .station, "station-county-c\(cluster)", "County fire rescue station \(plan.name)",
        lattice.node(lattice.columns, lattice.rows), nil)
    }
    if cluster == clusterCount / 2 {
      place(.depot, "depot-county", "County reserve depot", lattice.node(0, lattice.rows), nil)
    }
    return capacity
  }
}
