import Foundation
import Testing
import Township

/// Count properties (lanes, population, households, facility capacity) of a
/// GeoJSON map must be whole numbers in range (lanes 1...64, the others
/// 0...1e9): a huge or fractional
/// JSON number once trapped in the conversion to Int (found by fuzz-geojson).
@Suite struct GeoJSONCountTests {
  /// A one-link map whose zone, link or facility carries `property`.
  static func map(layer: String, property: String) -> String {
    let zone = layer == "zones" ? ", \(property)" : ""
    let link = layer == "links" ? ", \(property)" : ""
    let facility = layer == "facilities" ? ", \(property)" : ""
    return """
      {"type":"FeatureCollection","crs":"local","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"layer":"nodes","id":"a"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[90,0]},"properties":{"layer":"nodes","id":"b"}},
      {"type":"Feature","geometry":null,"properties":{"layer":"links","id":"ab","from":"a","to":"b"\(link)}},
      {"type":"Feature","geometry":null,"properties":{"layer":"zones","id":"z","node":"a"\(zone)}},
      {"type":"Feature","geometry":null,"properties":{"layer":"facilities","id":"f","kind":"shelter","node":"b"\(facility)}}
      ]}
      """
  }

  static func read(_ text: String) throws(MapError) -> Township {
    try Township.readGeoJSON(data: Data(text.utf8), file: "counts.geojson")
  }

  @Test(
    "huge, negative and fractional counts are refused with the feature and property",
    arguments: [
      ("zones", "\"population\":1.7e37", 3), ("zones", "\"households\":-2", 3),
      ("links", "\"lanes\":1e300", 2), ("links", "\"lanes\":2.5", 2),
      ("facilities", "\"capacity\":1000000001", 4),
    ])
  func refused(layer: String, property: String, feature: Int) {
    let key = String(property.dropFirst().prefix { $0 != "\"" })
    #expect(throws: MapError.self) { try Self.read(Self.map(layer: layer, property: property)) }
    do {
      _ = try Self.read(Self.map(layer: layer, property: property))
    } catch {
      #expect(error.position == .feature(feature))
      #expect(error.message.hasPrefix("property \"\(key)\" must be a whole number from"))
    }
  }

  @Test("whole counts up to a billion load as given")
  func accepted() throws {
    let township = try Self.read(
      Self.map(layer: "zones", property: "\"population\":1000000000,\"households\":3"))
    #expect(township.zones.first?.population == 1_000_000_000)
    #expect(township.zones.first?.households == 3)
  }
}
