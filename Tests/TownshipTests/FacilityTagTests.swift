import Foundation
import Testing
import Township

/// OpenStreetMap tags that say where groups of people are: schools, care
/// homes and lodgings become facilities the population draws from.
@Suite struct FacilityTagTests {
  /// A street with a school, a care home, a guest house (as an outline)
  /// and a camp site on its nodes.
  static let extract = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="50.0" lon="11.5"><tag k="amenity" v="school"/></node>
      <node id="2" lat="50.001" lon="11.5"><tag k="amenity" v="nursing_home"/></node>
      <node id="3" lat="50.001" lon="11.501"><tag k="tourism" v="camp_site"/></node>
      <node id="4" lat="50.0" lon="11.501"><tag k="amenity" v="social_facility"/></node>
      <node id="5" lat="50.0005" lon="11.5005"/>
      <node id="6" lat="50.0006" lon="11.5005"/>
      <node id="7" lat="50.0006" lon="11.5006"/>
      <way id="10">
        <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/>
        <tag k="highway" v="residential"/>
      </way>
      <way id="20">
        <nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="5"/>
        <tag k="building" v="yes"/><tag k="tourism" v="guest_house"/>
      </way>
    </osm>
    """

  @Test func schoolsCareHomesAndLodgingsAreImported() throws {
    let path = try BadInputTests.temporaryFile("groups.osm", Self.extract)
    let (map, _) = try OSMImporter.importMap(path: path)
    #expect(
      map.facilities.map(\.id) == [
        "shelter-n1", "school-n1", "clinic-n2", "lodging-n3", "clinic-n4", "lodging-w20",
      ])
    #expect(
      map.facilities.map(\.kind) == [.shelter, .school, .clinic, .lodging, .clinic, .lodging])
  }

  /// An amenity given shelter places is designated a shelter as well as
  /// its own kind (`--shelter-capacity nursing_home=40`).
  @Test func anAmenityGivenPlacesIsAlsoAShelter() throws {
    let path = try BadInputTests.temporaryFile("designated.osm", Self.extract)
    var options = OSMImportOptions()
    options.shelterCapacity["nursing_home"] = 40
    let (map, _) = try OSMImporter.importMap(path: path, options: options)
    #expect(
      map.facilities.map(\.id) == [
        "shelter-n1", "school-n1", "clinic-n2", "shelter-n2", "lodging-n3", "clinic-n4",
        "lodging-w20",
      ])
    #expect(map.facilities.first { $0.id == "shelter-n2" }?.capacity == 40)
  }
}
