import Foundation
import Testing
import Township

/// Road islands joined through drivable paths, and only through those.
@Suite struct ConnectorRepairTests {
  /// A small extract with one road island reachable only through paths.
  ///
  /// A road square (1-2-3-4), a track island (6-7-8) and two paths from the
  /// square to the island: a towpath 4-5-6 (a cycleway carrying
  /// `towpathTags`) and a shorter footway 3-9-6 closed to vehicles. A second
  /// track (10-11) hangs off a plain footway only.
  static func extract(towpathTags: String) -> String {
    func node(_ id: Int, _ lat: Double, _ lon: Double) -> String {
      "  <node id=\"\(id)\" lat=\"\(lat)\" lon=\"\(lon)\"/>\n"
    }
    func way(_ id: Int, _ refs: [Int], _ tags: String) -> String {
      "  <way id=\"\(id)\">\n" + refs.map { "    <nd ref=\"\($0)\"/>\n" }.joined() + tags
        + "  </way>\n"
    }
    func tag(_ k: String, _ v: String) -> String { "    <tag k=\"\(k)\" v=\"\(v)\"/>\n" }
    var text = "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
    text += node(1, 50.000, 11.500) + node(2, 50.000, 11.502) + node(3, 50.002, 11.502)
    text += node(4, 50.002, 11.500) + node(5, 50.004, 11.500) + node(6, 50.006, 11.501)
    text += node(7, 50.008, 11.501) + node(8, 50.008, 11.503) + node(9, 50.004, 11.502)
    text += node(10, 49.998, 11.502) + node(11, 49.996, 11.502) + node(12, 49.999, 11.502)
    text += way(100, [1, 2, 3, 4, 1], tag("highway", "residential"))
    text += way(101, [6, 7, 8], tag("highway", "track"))
    text += way(102, [4, 5, 6], tag("highway", "cycleway") + towpathTags)
    text += way(103, [3, 9, 6], tag("highway", "footway") + tag("motor_vehicle", "no"))
    text += way(104, [2, 12, 10], tag("highway", "footway"))
    text += way(105, [10, 11], tag("highway", "track"))
    return text + "</osm>\n"
  }

  @Test func aPavedTowpathJoinsTheIsland() throws {
    let path = try BadInputTests.temporaryFile(
      "towpath.osm", Self.extract(towpathTags: "    <tag k=\"tracktype\" v=\"grade1\"/>\n"))
    let (map, report) = try OSMImporter.importMap(path: path)
    let opened = map.links.filter { $0.roadClass == "cycleway" }
    #expect(opened.count == 1 && opened.allSatisfy { $0.mode == .road && !$0.oneway })
    #expect(report.connectorPaths == 1)  // node 5 is no junction: one link
    #expect(abs(report.connectorPathLength - opened.reduce(0) { $0 + $1.length }) < 1e-9)
    // The closed footway stays a path even though it is the shorter way.
    #expect(map.links.filter { $0.id.hasPrefix("w103.") }.allSatisfy { $0.mode == .path })
    // The track behind the plain footway stays an island, and is reported.
    #expect(map.links.filter { $0.id.hasPrefix("w104.") }.allSatisfy { $0.mode == .path })
    #expect(report.islands == 1)
    let island = try #require(map.links.first { $0.id == "w105.0" })
    #expect(abs(report.islandLength - island.length) < 1e-9)
    let components = StrongComponents(nodeCount: map.nodes.count, links: map.links)
    #expect(components.isInLargest(try #require(map.links.first { $0.id == "w101.0" })))
    #expect(!components.isInLargest(island))
  }

  @Test func aPlainCyclewayIsNotOpened() throws {
    let path = try BadInputTests.temporaryFile("cycleway.osm", Self.extract(towpathTags: ""))
    let (map, report) = try OSMImporter.importMap(path: path)
    #expect(report.connectorPaths == 0)
    #expect(map.links.filter { $0.roadClass == "cycleway" }.allSatisfy { $0.mode == .path })
    #expect(report.islands == 2)
  }

  @Test func drivablePathRule() {
    #expect(OSMImporter.isDrivablePath(["highway": "cycleway", "tracktype": "grade1"]))
    #expect(OSMImporter.isDrivablePath(["highway": "path", "motor_vehicle": "agricultural"]))
    #expect(OSMImporter.isDrivablePath(["highway": "footway", "width": "3.5"]))
    #expect(!OSMImporter.isDrivablePath(["highway": "footway", "width": "2"]))
    #expect(!OSMImporter.isDrivablePath(["highway": "cycleway"]))
    #expect(!OSMImporter.isDrivablePath(["highway": "steps", "tracktype": "grade1"]))
    #expect(
      !OSMImporter.isDrivablePath([
        "highway": "footway", "tracktype": "grade1", "motor_vehicle": "no",
      ]))
    #expect(
      !OSMImporter.isDrivablePath(["highway": "path", "access": "private", "tracktype": "grade2"]))
  }

  @Test(
    .enabled(if: ImportTests.available, "../shared/data is absent"),
    arguments: ["krems/krems.osm.gz", "north-bayreuth/north-bayreuth.osm.gz"])
  func sharedExtractsAreStronglyConnected(file: String) throws {
    let (map, report) = try OSMImporter.importMap(path: ImportTests.dataFolder + "/" + file)
    #expect(report.shareAfterRepair >= 0.95, "\(file): \(report.shareAfterRepair)")
    let opened = map.links.filter {
      $0.mode == .road && RoadClass.all[$0.roadClass ?? ""]?.mode == .path
    }
    #expect(opened.count == report.connectorPaths)
    let summary = MapSummary(map)
    #expect(abs(summary.largestComponentShare - report.shareAfterRepair) < 1e-9)
    #expect(abs(summary.roadLength * (1 - report.shareAfterRepair) - report.islandLength) < 1e-6)
  }
}
