import Foundation
import Testing
import Township

/// Substations and base stations, and the zones a facility supplies
/// (`powers`, `serves`), through the GeoJSON reader and writer.
@Suite struct SupplyTagTests {
  static func township(powers: [String]) throws -> Township {
    try Township(
      nodes: [Node(id: "a", position: MapPoint(x: 0, y: 0))], links: [],
      zones: [
        Zone(id: "z1", node: 0, position: MapPoint(x: 0, y: 0), population: 1, households: 1),
        Zone(id: "z2", node: 0, position: MapPoint(x: 0, y: 0), population: 1, households: 1),
      ],
      facilities: [
        Facility(
          id: "sub", kind: .substation, node: 0, position: MapPoint(x: 0, y: 0), powers: powers),
        Facility(
          id: "bts", kind: .baseStation, node: 0, position: MapPoint(x: 0, y: 0),
          serves: ["z2"]),
      ])
  }

  @Test func supplyListsSurviveAWriteAndARead() throws {
    let map = try Self.township(powers: ["z2", "z1"])
    let back = try Township.readGeoJSON(data: Data(map.geoJSONText().utf8), file: "round trip")
    #expect(back.facilities.map(\.kind) == [.substation, .baseStation])
    #expect(back.facilities.map(\.powers) == [["z2", "z1"], []])
    #expect(back.facilities.map(\.serves) == [[], ["z2"]])
  }

  @Test func aFacilityCannotSupplyAMissingZone() {
    #expect(throws: MapError.self) { try Self.township(powers: ["z9"]) }
  }
}
