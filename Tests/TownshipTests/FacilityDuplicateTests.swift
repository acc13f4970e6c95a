import Foundation
import Testing
import Township

/// A facility mapped both as a point and as its building outline is imported
/// once; separate features that share an amenity stay separate.
@Suite struct FacilityDuplicateTests {
  /// A road, a town hall building (about 29 × 33 m, centroid near
  /// 50.00045 N 11.5007 E) and the given extra elements.
  static func extract(_ elements: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="50.0" lon="11.5"/>
      <node id="2" lat="50.0" lon="11.503"/>
      <node id="5" lat="50.0003" lon="11.5005"/>
      <node id="6" lat="50.0006" lon="11.5005"/>
      <node id="7" lat="50.0006" lon="11.5009"/>
      <node id="8" lat="50.0003" lon="11.5009"/>
    \(elements)
      <way id="10">
        <nd ref="1"/><nd ref="2"/>
        <tag k="highway" v="residential"/>
      </way>
      <way id="20">
        <nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/>
        <tag k="building" v="public"/><tag k="amenity" v="townhall"/>
        <tag k="name" v="Rathaus"/>
      </way>
    </osm>
    """
  }

  static func shelters(_ text: String, _ name: String) throws -> (ids: [String], merged: Int) {
    let path = try BadInputTests.temporaryFile(name, text)
    let (map, report) = try OSMImporter.importMap(path: path)
    return (map.facilities.filter { $0.kind == .shelter }.map(\.id), report.duplicateFacilities)
  }

  @Test func aNodeInsideTheOutlineIsOneShelter() throws {
    let text = Self.extract(
      #"  <node id="3" lat="50.00045" lon="11.5007"><tag k="amenity" v="townhall"/></node>"#)
    let path = try BadInputTests.temporaryFile("townhall-inside.osm", text)
    let (map, report) = try OSMImporter.importMap(path: path)
    #expect(map.facilities.map(\.id) == ["shelter-n3", "depot-n3"])
    #expect(map.facilities.allSatisfy { $0.name == "Rathaus" })  // the outline's name kept
    #expect(map.shelterCapacity == 200)
    #expect(report.duplicateFacilities == 1)
    #expect(report.lines.contains("duplicate facilities merged (node and building outline): 1"))
  }

  /// A townhall node 300 m from the outline, and a school node inside it:
  /// neither is the outline's duplicate.
  @Test(arguments: [
    #"  <node id="3" lat="50.00315" lon="11.5007"><tag k="amenity" v="townhall"/></node>"#,
    #"  <node id="3" lat="50.00045" lon="11.5007"><tag k="amenity" v="school"/></node>"#,
  ])
  func aNodeThatIsNotTheOutlineStaysSeparate(node: String) throws {
    let result = try Self.shelters(Self.extract(node), "separate.osm")
    #expect(result.ids == ["shelter-n3", "shelter-w20"])
    #expect(result.merged == 0)
  }

  @Test func twoBuildingsWithTheSameAmenityAreTwoShelters() throws {
    let text = Self.extract(
      """
        <node id="11" lat="50.0003" lon="11.5015"/>
        <node id="12" lat="50.0006" lon="11.5015"/>
        <node id="13" lat="50.0006" lon="11.5019"/>
        <node id="14" lat="50.0003" lon="11.5019"/>
        <way id="21">
          <nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="14"/><nd ref="11"/>
          <tag k="building" v="public"/><tag k="amenity" v="townhall"/>
        </way>
      """)
    let result = try Self.shelters(text, "two-townhalls.osm")
    #expect(result.ids == ["shelter-w20", "shelter-w21"])
    #expect(result.merged == 0)
  }

  @Test func twoNodesInOneOutlineMergeOnlyTheFirst() throws {
    let text = Self.extract(
      """
        <node id="3" lat="50.00045" lon="11.5007"><tag k="amenity" v="townhall"/></node>
        <node id="4" lat="50.0004" lon="11.5006"><tag k="amenity" v="townhall"/></node>
      """)
    let result = try Self.shelters(text, "two-townhall-nodes.osm")
    #expect(result.ids == ["shelter-n3", "shelter-n4"])
    #expect(result.merged == 1)
  }

  @Test func aNodeNearAnOpenOutlinesCentroidIsOneShelter() throws {
    // The outline's ring is not closed (way 20 with its last reference
    // dropped); the node lies about 20 m from its vertex centroid.
    let open = Self.extract(
      #"  <node id="3" lat="50.0006" lon="11.5009"><tag k="amenity" v="townhall"/></node>"#
    ).replacingOccurrences(of: #"<nd ref="8"/><nd ref="5"/>"#, with: #"<nd ref="8"/>"#)
    let result = try Self.shelters(open, "townhall-open.osm")
    #expect(result.ids == ["shelter-n3"])
    #expect(result.merged == 1)
  }
}
