import Foundation
import Testing
import Township

/// The synthetic county generator: determinism, exact counts, connectivity,
/// shelter coverage, population groups and the GeoJSON round trip.
@Suite struct SyntheticCountyTests {
  /// Sizes that cover one village, tiny villages, several clusters and
  /// villages large enough for several grids.
  static let sizes: [(villages: Int, households: Int)] = [
    (1, 1), (2, 5), (7, 3), (13, 200), (40, 120), (9, 900),
  ]

  static func county(_ villages: Int, _ households: Int, seed: UInt64 = 7) throws -> SyntheticCounty
  {
    try SyntheticCounty.generate(
      SyntheticCountyOptions(villages: villages, householdsPerVillage: households, seed: seed))
  }

  @Test func sameSeedGivesIdenticalBytesAndOtherSeedsDiffer() throws {
    let a = try Self.county(30, 150, seed: 11).township.geoJSONText()
    let b = try Self.county(30, 150, seed: 11).township.geoJSONText()
    let c = try Self.county(30, 150, seed: 12).township.geoJSONText()
    #expect(a == b)
    #expect(a != c)
    let demA = try Self.county(3, 50, seed: 11).terrain.elevationGrid(cellSize: 100).esriASCIIText()
    let demB = try Self.county(3, 50, seed: 11).terrain.elevationGrid(cellSize: 100).esriASCIIText()
    let demC = try Self.county(3, 50, seed: 12).terrain.elevationGrid(cellSize: 100).esriASCIIText()
    #expect(demA == demB)
    #expect(demA != demC)
  }

  @Test(arguments: sizes)
  func countsMatchTheRequest(villages: Int, households: Int) throws {
    let county = try Self.county(villages, households)
    let map = county.township
    #expect(county.villages.count == villages)
    #expect(Set(county.villages.map(\.id)).count == villages)
    #expect(county.villages.filter(\.isSeat).count == Set(county.villages.map(\.cluster)).count)
    let zoneVillages = Set(map.zones.map { $0.id.split(separator: "-")[0] })
    #expect(zoneVillages.count == villages)
    #expect(map.zones.reduce(0) { $0 + $1.households } == villages * households)
    #expect(county.villages.reduce(0) { $0 + $1.households } == villages * households)
    let expected = (Double(villages * households) * county.options.personsPerHousehold).rounded()
    #expect(map.population == Int(expected))
    for village in county.villages {
      #expect(village.households >= 1)
      let grids = (village.households + 299) / 300
      #expect(village.zones == grids)
    }
  }

  @Test(arguments: sizes)
  func roadsAreStronglyConnectedAndEveryPlaceIsOnThem(villages: Int, households: Int) throws {
    let map = try Self.county(villages, households).township
    let components = StrongComponents(nodeCount: map.nodes.count, links: map.links)
    var onRoad = [Bool](repeating: false, count: map.nodes.count)
    for link in map.links where link.mode == .road {
      onRoad[link.from] = true
      onRoad[link.to] = true
      #expect(!link.oneway)
    }
    let main = components.largest
    for node in map.nodes.indices where onRoad[node] {
      #expect(components.componentOfNode[node] == main)
    }
    #expect(components.largestShare(of: map.links) == 1)
    for zone in map.zones { #expect(onRoad[zone.node]) }
    for facility in map.facilities { #expect(onRoad[facility.node]) }
    // Every path ends on the network too: walkers can reach every node.
    let walk = StrongComponents(
      nodeCount: map.nodes.count,
      links: map.links.map { link in
        var twoWay = link
        twoWay.mode = .road
        return twoWay
      })
    #expect(Set(walk.componentOfNode).count == 1)
  }

  @Test(arguments: sizes)
  func sheltersHoldTheDocumentedShareOfEachVillage(villages: Int, households: Int) throws {
    let county = try Self.county(villages, households)
    let share = county.options.shelterShare
    #expect(share >= 0.15, "the national floor (reference/drill-domain.md)")
    for village in county.villages {
      let needed = share * Double(village.population)
      #expect(Double(village.shelterCapacity) >= needed - 1e-9)
      #expect(Double(village.shelterCapacity) < needed + 1)
    }
    let map = county.township
    #expect(map.shelterCapacity == county.villages.reduce(0) { $0 + $1.shelterCapacity })
    let ratio = Double(map.shelterCapacity) / Double(map.population)
    #expect(ratio >= share && ratio < share + Double(villages) / Double(map.population))
    let kinds = map.facilities.map(\.kind)
    let clusters = Set(county.villages.map(\.cluster)).count
    #expect(kinds.filter { $0 == .clinic }.count == clusters)
    #expect(kinds.filter { $0 == .depot }.count == clusters + 1)
    #expect(kinds.filter { $0 == .station }.count > clusters)
  }

  @Test func groupsAndGridsAreAsDocumented() throws {
    let county = try Self.county(40, 400)
    let options = county.options
    let defaults = [
      "children": options.childrenShare, "elderly": options.elderlyShare,
      "mobility_impaired": options.mobilityImpairedShare,
    ]
    let map = county.township
    let gridsByID = Dictionary(uniqueKeysWithValues: map.grids.map { ($0.id, $0) })
    #expect(map.grids.count == map.zones.count)
    for zone in map.zones {
      #expect(zone.groups.map(\.name) == ["children", "elderly", "mobility_impaired"])
      for group in zone.groups {
        let base = defaults[group.name] ?? 0
        #expect(group.share >= base * 0.8 - 0.0005 && group.share <= base * 1.2 + 0.0005)
      }
      #expect(zone.households <= options.householdsPerGrid)
      let grid = try #require(zone.grid.flatMap { gridsByID[$0] })
      #expect(grid.zone == zone.id)
      #expect(grid.responsible == "wgy-\(zone.id)")
    }
    #expect(map.zones.contains { $0.id.hasSuffix("-2") }, "400-household villages need 2 grids")
  }

  @Test func smallMapRoundTripsThroughGeoJSON() throws {
    let map = try Self.county(13, 200).township
    let text = map.geoJSONText()
    #expect(text.contains("\"crs\":\"local\""))
    let back = try Township.readGeoJSON(data: Data(text.utf8), file: "synth.geojson")
    #expect(back.geoJSONText() == text)
    #expect(MapSummary(back) == MapSummary(map))
    #expect(back.nodes.count == map.nodes.count && back.links.count == map.links.count)
    #expect(back.zones.map(\.id) == map.zones.map(\.id))
    #expect(back.facilities.map(\.capacity) == map.facilities.map(\.capacity))
    #expect(back.hazards.map(\.kind) == map.hazards.map(\.kind))
  }

  @Test func hazardsAndTerrainFitTheValley() throws {
    let county = try Self.county(13, 200)
    let terrain = county.terrain
    let kinds = county.township.hazards.map(\.kind)
    #expect(kinds.filter { $0 == "river" }.count == 1)
    #expect(kinds.filter { $0 == "stream" }.count == terrain.valleys.count)
    #expect(kinds.filter { $0 == "forest" }.count == 2 * terrain.valleys.count)
    for hazard in county.township.hazards where hazard.closed {
      #expect(hazard.points.first == hazard.points.last)
    }
    // Channel below flood plain below hillside; the river falls downstream.
    for x in stride(from: 500.0, through: terrain.length - 500, by: 700) {
      let axis = terrain.riverY(at: x)
      let channel = terrain.elevation(at: MapPoint(x: x, y: axis))
      let plain = terrain.elevation(at: MapPoint(x: x, y: axis + 400))
      let hill = terrain.elevation(at: MapPoint(x: x, y: axis + 6_000))
      #expect(channel < plain - 2 && plain < hill - 100)
    }
    let upstream = terrain.elevation(at: MapPoint(x: 100, y: terrain.riverY(at: 100)))
    let downstream = terrain.elevation(
      at: MapPoint(x: terrain.length - 100, y: terrain.riverY(at: terrain.length - 100)))
    #expect(upstream > downstream)
    // Every village lies on a valley floor, not up a slope.
    for zone in county.township.zones {
      let ground = terrain.elevation(at: zone.position)
      #expect(ground < terrain.riverElevation(at: zone.position.x) + 250)
    }
  }

  @Test func demIsAnESRIASCIIGridNorthRowFirst() throws {
    let terrain = try Self.county(4, 50).terrain
    let grid = terrain.elevationGrid(cellSize: 250)
    let lines = grid.esriASCIIText().split(separator: "\n", omittingEmptySubsequences: false)
    let keys = lines.prefix(6).map { $0.split(separator: " ")[0] }
    #expect(keys == ["ncols", "nrows", "xllcorner", "yllcorner", "cellsize", "NODATA_value"])
    #expect(lines[0] == "ncols \(grid.columns)" && lines[1] == "nrows \(grid.rows)")
    #expect(lines.count == 6 + grid.rows + 1 && lines.last == "")
    for row in lines[6..<(6 + grid.rows)] {
      #expect(row.split(separator: " ").count == grid.columns)
    }
    let first = lines[6].split(separator: " ").compactMap { Double($0) }
    let north = terrain.elevation(at: grid.centre(column: 0, row: 0))
    #expect(abs(first[0] - north) <= 0.05 + 1e-9)
    #expect(grid.centre(column: 0, row: 0).y > grid.centre(column: 0, row: grid.rows - 1).y)
  }

  @Test func badOptionsAreRejectedWithAMapError() {
    for (villages, households) in [(0, 10), (10, 0), (-1, 5), (100_000, 10_000)] {
      #expect(throws: MapError.self) {
        try SyntheticCounty.generate(
          SyntheticCountyOptions(villages: villages, householdsPerVillage: households, seed: 1))
      }
    }
    var options = SyntheticCountyOptions(villages: 5, householdsPerVillage: 10, seed: 1)
    options.elderlyShare = 0.9
    #expect(throws: MapError.self) { try SyntheticCounty.generate(options) }
  }

  @Test func routesRunFromEveryZoneToItsVillageHall() throws {
    let map = try Self.county(13, 200).township
    let router = Router(township: map)
    for zone in map.zones {
      let village = zone.id.split(separator: "-")[0]
      let hall = try #require(map.facilities.first { $0.id == "shelter-\(village)-hall" })
      guard case .found(_, let seconds) = router.route(from: zone.node, to: hall.node) else {
        Issue.record("no route from \(zone.id)")
        continue
      }
      #expect(seconds < 120)
    }
    let first = try #require(map.zones.first)
    let last = try #require(map.zones.last)
    #expect(router.route(from: first.node, to: last.node) != .unreachable)
  }
}
