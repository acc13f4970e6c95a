import Foundation
import Testing
import Township

/// Bad maps throw a MapError that names the file and the line or feature.
@Suite struct BadInputTests {
  static func temporaryFile(_ name: String, _ text: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "township-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static let smallOSM = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="50.0" lon="11.5"/>
      <node id="2" lat="50.001" lon="11.5"/>
      <node id="3" lat="50.001" lon="11.501">
        <tag k="amenity" v="fire_station"/>
      </node>
      <way id="10">
        <nd ref="1"/>
        <nd ref="2"/>
        <nd ref="3"/>
        <tag k="highway" v="residential"/>
        <tag k="name" v="Haupt &amp; Nebenstra&#223;e"/>
      </way>
    </osm>
    """

  @Test func truncatedXMLNamesTheLine() throws {
    let head = try #require(Self.smallOSM.range(of: "<way"))
    let cut = String(Self.smallOSM[..<head.lowerBound])  // ends before <way>
    let path = try Self.temporaryFile("cut.osm", cut + "<way id='10'>\n<nd ref='1'/>\n")
    #expect {
      try OSMImporter.importMap(path: path)
    } throws: { error in
      guard let error = error as? MapError, case .line(let line) = error.position else {
        return false
      }
      return error.file == path && line == 9 && error.message.contains("<way> opened on line 8")
    }
  }

  @Test func truncatedGzipIsAnError() throws {
    let source = "/work/shared/data/krems/krems.osm.gz"
    guard let data = FileManager.default.contents(atPath: source) else { return }
    let path = try Self.temporaryFile("cut.osm.gz", "")
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
    #expect(throws: MapError.self) { try OSMImporter.importMap(path: path) }
  }

  @Test func smallExtractImportsWithDecodedNames() throws {
    let path = try Self.temporaryFile("small.osm", Self.smallOSM)
    let (map, report) = try OSMImporter.importMap(path: path)
    #expect(report.highwayWaysKept == 1)
    #expect(report.fireStations == 1)
    #expect(map.links.count == 1)
    #expect(map.links[0].storage == (map.links[0].length / 7.5).rounded(.up))
    #expect(map.facilities.map(\.kind) == [.station])
  }

  @Test func geoJSONWithABadGeometryNamesTheFeature() throws {
    let text = """
      {"type":"FeatureCollection","crs":"local","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"layer":"nodes","id":"a"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":["x",0]},"properties":{"layer":"nodes","id":"b"}}
      ]}
      """
    let path = try Self.temporaryFile("bad-geometry.geojson", text)
    #expect(throws: MapError(file: path, .feature(1), "bad position: expected [x, y] numbers")) {
      try Township.readGeoJSON(path: path)
    }
  }

  @Test func geoJSONLinkToAMissingNodeNamesTheFeature() throws {
    let text = """
      {"type":"FeatureCollection","crs":"local","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"layer":"nodes","id":"a"}},
      {"type":"Feature","geometry":null,"properties":{"layer":"links","id":"ab","from":"a","to":"b"}}
      ]}
      """
    let path = try Self.temporaryFile("missing-node.geojson", text)
    #expect(throws: MapError(file: path, .feature(1), "to refers to a missing node \"b\"")) {
      try Township.readGeoJSON(path: path)
    }
  }

  @Test func geoJSONRoundTripKeepsTheMap() throws {
    let path = try Self.temporaryFile("small2.osm", Self.smallOSM)
    let map = try OSMImporter.importMap(path: path).township
    let text = map.geoJSONText()
    let again = try Township.readGeoJSON(data: Data(text.utf8), file: "round-trip")
    #expect(again.geoJSONText() == text)
    #expect(MapSummary(again) == MapSummary(map))
    #expect(abs(again.links[0].length - map.links[0].length) < 0.01)
  }
}
