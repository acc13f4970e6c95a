import Foundation
import Testing
import Township

/// Imports of the shared OSM extracts, checked against an independent scan.
///
/// The extracts live outside the repository (../shared/data, ODbL) and must
/// not be copied into tests; the tests are skipped when it is absent.
@Suite struct ImportTests {
  static let dataFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data").path
  static let available = FileManager.default.fileExists(atPath: dataFolder)

  static let roadClasses: Set<String> = [
    "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
    "secondary_link", "tertiary", "tertiary_link", "unclassified", "road", "residential",
    "living_street", "service", "track", "footway", "path", "pedestrian", "cycleway", "bridleway",
    "steps",
  ]

  /// Counts straight from the XML text with regular expressions, not the importer's scanner.
  static func scan(_ path: String) throws -> (highways: Int, fireStations: Int, buildings: Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -dc '\(path)'"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    var coordinates: [Substring: (Double, Double)] = [:]
    var highways = 0
    var fireStations = 0
    var buildingCentroids: [(Double, Double, String, [String: String])] = []
    var excluded: [[(Double, Double)]] = []
    var bounds: (Double, Double, Double, Double)?
    var element: (kind: String, refs: [Substring], tags: [String: String])?
    func attribute(_ line: Substring, _ key: String) -> Substring? {
      for quote in ["\"", "'"] {
        if let range = line.range(of: " \(key)=\(quote)") {
          let rest = line[range.upperBound...]
          if let end = rest.firstIndex(of: Character(quote)) { return rest[..<end] }
        }
      }
      return nil
    }
    func finish() {
      guard let e = element else { return }
      if e.tags["amenity"] == "fire_station" { fireStations += 1 }
      if e.kind == "way", let highway = e.tags["highway"], roadClasses.contains(highway) {
        let inside = e.refs.contains { ref in
          guard let c = coordinates[ref], let b = bounds else { return bounds == nil }
          return c.0 >= b.0 && c.0 <= b.2 && c.1 >= b.1 && c.1 <= b.3
        }
        if inside { highways += 1 }
      }
      if e.kind == "way", e.refs.count >= 4, e.refs.first == e.refs.last {
        let ring = e.refs.dropLast().compactMap { coordinates[$0] }
        if [
          "industrial", "commercial", "retail", "military", "railway", "farmyard", "garages",
          "cemetery", "allotments", "religious",
        ].contains(e.tags["landuse"] ?? "") {
          excluded.append(ring)
        }
        if let building = e.tags["building"] {
          let lat = ring.map(\.0).reduce(0, +) / Double(ring.count)
          let lon = ring.map(\.1).reduce(0, +) / Double(ring.count)
          buildingCentroids.append((lat, lon, building, e.tags))
        }
      }
      element = nil
    }
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("<bounds") {
        bounds = (
          Double(attribute(line, "minlat") ?? "") ?? 0,
          Double(attribute(line, "minlon") ?? "") ?? 0,
          Double(attribute(line, "maxlat") ?? "") ?? 0, Double(attribute(line, "maxlon") ?? "") ?? 0
        )
      } else if trimmed.hasPrefix("<node") || trimmed.hasPrefix("<way")
        || trimmed.hasPrefix("<relation")
      {
        finish()
        let kind =
          trimmed.hasPrefix("<node") ? "node" : trimmed.hasPrefix("<way") ? "way" : "relation"
        if kind == "node", let id = attribute(line, "id"), let lat = attribute(line, "lat"),
          let lon = attribute(line, "lon")
        {
          coordinates[id] = (Double(lat) ?? 0, Double(lon) ?? 0)
        }
        element = (kind, [], [:])
        if trimmed.hasSuffix("/>") { finish() }
      } else if trimmed.hasPrefix("<nd"), let ref = attribute(line, "ref") {
        element?.refs.append(ref)
      } else if trimmed.hasPrefix("<tag"), let k = attribute(line, "k"),
        let v = attribute(line, "v")
      {
        element?.tags[String(k)] = String(v)
      } else if trimmed.hasPrefix("</node") || trimmed.hasPrefix("</way")
        || trimmed.hasPrefix("</relation")
      {
        finish()
      }
    }
    func inside(_ ring: [(Double, Double)], _ lat: Double, _ lon: Double) -> Bool {
      var result = false
      var j = ring.count - 1
      for i in ring.indices {
        let (ai, bi) = ring[i]
        let (aj, bj) = ring[j]
        if (ai > lat) != (aj > lat), lon < (bj - bi) * (lat - ai) / (aj - ai) + bi {
          result.toggle()
        }
        j = i
      }
      return result
    }
    let residentialValues: Set<String> = [
      "house", "residential", "detached", "semidetached_house", "terrace", "apartments", "bungalow",
      "farm", "dormitory",
    ]
    let useKeys = ["amenity", "shop", "office", "craft", "tourism", "leisure", "man_made"]
    var buildings = 0
    for (lat, lon, value, tags) in buildingCentroids {
      if residentialValues.contains(value) {
        buildings += 1
      } else if value == "yes", !useKeys.contains(where: { tags[$0] != nil }),
        !excluded.contains(where: { inside($0, lat, lon) })
      {
        buildings += 1
      }
    }
    return (highways, fireStations, buildings)
  }

  @Test(
    .enabled(if: available, "../shared/data is absent: the OSM extracts are not in the repository"),
    arguments: ["north-bayreuth/north-bayreuth.osm.gz", "krems/krems.osm.gz"])
  func importMatchesAnIndependentCount(file: String) throws {
    let path = Self.dataFolder + "/" + file
    let (map, report) = try OSMImporter.importMap(path: path)
    let expected = try Self.scan(path)
    #expect(report.highwayWaysKept == expected.highways)
    #expect(report.fireStations == expected.fireStations)
    #expect(report.residentialBuildings == expected.buildings)
    #expect(report.highwayWaysKept > 500)
    #expect(map.links.count > report.highwayWaysKept)
    #expect(report.shareAfterRepair >= report.shareBeforeRepair)
    let summary = MapSummary(map)
    #expect(abs(summary.largestComponentShare - report.shareAfterRepair) < 1e-9)
  }

  @Test(
    .enabled(if: available, "../shared/data is absent: the OSM extracts are not in the repository"))
  func northBayreuthIsStronglyConnectedAfterRepair() throws {
    let path = Self.dataFolder + "/north-bayreuth/north-bayreuth.osm.gz"
    let report = try OSMImporter.importMap(path: path).report
    #expect(report.shareAfterRepair >= 0.95)
    #expect(report.fireStations == 7)  // SOURCES.md §1
    #expect(report.highwayWaysKept <= 2056)
  }
}
