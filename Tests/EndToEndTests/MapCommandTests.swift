import Foundation
import Testing

/// `drillsim map`: bad maps and grids exit with 2 and name the file and the
/// line or feature; a good map prints its counts; a raster is aligned.
@Suite struct MapCommandTests {
  /// Two nodes about 100 m apart near Neudrossenfeld, a road, a zone and a shelter.
  static func map(linkTo: String = "b", secondGeometry: String? = nil) -> String {
    let geometry = secondGeometry ?? #"{"type": "Point", "coordinates": [11.5012, 50.0008]}"#
    return """
      {"type": "FeatureCollection", "origin": [11.5, 50.0], "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [11.5002, 50.0002]},
         "properties": {"layer": "nodes", "id": "a"}},
        {"type": "Feature", "geometry": \(geometry),
         "properties": {"layer": "nodes", "id": "b"}},
        {"type": "Feature", "geometry": null,
         "properties": {"layer": "links", "id": "ab", "from": "a", "to": "\(linkTo)", "mode": "road"}},
        {"type": "Feature", "geometry": null,
         "properties": {"layer": "zones", "id": "lowland", "node": "a", "population": 120,
                        "households": 40}},
        {"type": "Feature", "geometry": null,
         "properties": {"layer": "facilities", "id": "school", "kind": "shelter", "node": "b",
                        "capacity": 300}}
      ]}
      """
  }

  static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static func expectInvalid(
    _ arguments: [String], naming file: String, _ location: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try CommandLine.run(arguments)
    #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.crashed, sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(file + location), "stderr: \(result.stderr)",
      sourceLocation: sourceLocation)
  }

  @Test func truncatedOSMNamesTheLine() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let osm = """
      <?xml version="1.0" encoding="UTF-8"?>
      <osm version="0.6">
        <node id="1" lat="50.0" lon="11.5"/>
        <node id="2" lat="50.001" lon="11.5"/>
        <way id="10">
          <nd ref="1"/>
          <nd ref="2"/>
      """
    let path = try Self.write(osm, "cut.osm", in: folder)
    let out = folder.appendingPathComponent("out.geojson").path
    try Self.expectInvalid(["map", "import", path, "--out", out], naming: path, ":7:")
    let result = try CommandLine.run(["map", "import", path, "--out", out])
    #expect(result.stderr.contains("<way> opened on line 5"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func badGeometryNamesTheFeature() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = Self.map(secondGeometry: #"{"type": "LineString", "coordinates": [[11.5, 50.0]]}"#)
    let path = try Self.write(bad, "bad-geometry.geojson", in: folder)
    let out = folder.appendingPathComponent("out.geojson").path
    try Self.expectInvalid(["map", "import", path, "--out", out], naming: path, ": feature 1:")
    try Self.expectInvalid(["map", "info", path], naming: path, ": feature 1: bad geometry")
  }

  @Test func linkToAMissingNodeNamesTheFeature() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Self.write(Self.map(linkTo: "nowhere"), "missing-node.geojson", in: folder)
    let out = folder.appendingPathComponent("out.geojson").path
    try Self.expectInvalid(
      ["map", "import", path, "--out", out], naming: path,
      ": feature 2: to refers to a missing node \"nowhere\"")
  }

  static let grid = """
    ncols 3
    nrows 3
    xllcorner 11.49
    yllcorner 49.99
    cellsize 0.01
    300 301 302
    303 304 305

    """

  @Test func gridWithTooFewRowsNamesTheLine() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapPath = try Self.write(Self.map(), "map.geojson", in: folder)
    let gridPath = try Self.write(Self.grid, "short.asc", in: folder)
    let out = folder.appendingPathComponent("dem.asc").path
    try Self.expectInvalid(
      ["map", "raster", gridPath, "--map", mapPath, "--cell", "30", "--out", out],
      naming: gridPath, ":7: expected 3 rows (nrows), got 2")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func rasterAlignsAGridWithTheMap() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapPath = try Self.write(Self.map(), "map.geojson", in: folder)
    let gridPath = try Self.write(Self.grid + "306 307 308\n", "dem-wgs84.asc", in: folder)
    let out = folder.appendingPathComponent("dem.asc").path
    let arguments = ["map", "raster", gridPath, "--map", mapPath, "--cell", "20", "--out", out]
    let result = try CommandLine.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    let lines = text.split(separator: "\n")
    // The nodes lie at about (14, 22) and (86, 89) m from the origin: 5 x 4
    // cells of 20 m, edges on multiples of 20.
    #expect(
      lines.prefix(5) == ["ncols 5", "nrows 4", "xllcorner 0", "yllcorner 20", "cellsize 20"])
    // Every local cell centre lies between the grid centres (11.495, 50.005)
    // and (11.505, 49.995), where bilinear values run 303 + fu + 3 fv with
    // fu in 0.52...0.64 and fv in 0.42...0.48.
    let values = lines.dropFirst(6).flatMap { $0.split(separator: " ") }.compactMap { Double($0) }
    #expect(values.count == 20)
    #expect(values.allSatisfy { $0 > 304.7 && $0 < 305.1 }, "\(values)")
    let again = try CommandLine.run(arguments)
    let rewritten = try String(contentsOfFile: out, encoding: .utf8)
    #expect(again.status == 0 && rewritten == text)  // deterministic output
  }

  @Test func infoPrintsTheCounts() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Self.write(Self.map(), "small.geojson", in: folder)
    let result = try CommandLine.run(["map", "info", path])
    #expect(result.status == 0, "\(result.stderr)")
    for line in [
      "nodes: 2", "links: 1 road (0 one-way), 0 path", "zones: 1, grids: 0",
      "households: 40, population: 120", "shelter capacity: 300 for 120 people (250 %)",
    ] {
      #expect(result.stdout.contains(line), "missing \"\(line)\" in \(result.stdout)")
    }
  }
}
