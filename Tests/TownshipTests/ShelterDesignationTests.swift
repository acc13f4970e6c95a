import Foundation
import Testing
import Township

/// `--shelter-capacity` on an amenity that is not a shelter by default
/// designates it one, beside its own kind.
@Suite struct ShelterDesignationTests {
  /// A road and a church node beside it.
  static let extract = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="50.0" lon="11.5"/>
      <node id="2" lat="50.0" lon="11.503"/>
      <node id="3" lat="50.0002" lon="11.501"><tag k="amenity" v="place_of_worship"/>
        <tag k="name" v="Kirche"/></node>
      <way id="10">
        <nd ref="1"/><nd ref="2"/>
        <tag k="highway" v="residential"/>
      </way>
    </osm>
    """

  @Test func aChurchIsAVenueUnlessGivenPlaces() throws {
    let path = try BadInputTests.temporaryFile("church.osm", Self.extract)
    let plain = try OSMImporter.importMap(path: path).township
    #expect(plain.facilities.map(\.id) == ["venue-n3"])
    var options = OSMImportOptions()
    options.shelterCapacity["place_of_worship"] = 150
    let designated = try OSMImporter.importMap(path: path, options: options).township
    #expect(designated.facilities.map(\.id) == ["venue-n3", "shelter-n3"])
    #expect(designated.facilities.map(\.capacity) == [nil, 150])
    #expect(designated.shelterCapacity == 150)
  }
}
