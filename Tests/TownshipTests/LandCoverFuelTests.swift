import Foundation
import Testing
import Township

/// Fuel models from OSM land cover: polygons fill the cells whose centres
/// they hold, later classes win, major roads cut a line of non-burnable
/// cells, and the rest is the unmapped model.
@Suite struct LandCoverFuelTests {
  /// Around (11.5, 50.0): a forest of lon ±0.0015°, lat ±0.0009°
  /// (±107.5 m, ±100.1 m), a residential square of lon ±0.0003°, lat
  /// ±0.0002° (±21.5 m, ±22.2 m) inside it, and a primary road along lat
  /// 0.0011° (y ≈ 122 m) from lon −0.002° to 0.002° (x ≈ ±143 m).
  static let extract = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="49.9991" lon="11.4985"/>
      <node id="2" lat="49.9991" lon="11.5015"/>
      <node id="3" lat="50.0009" lon="11.5015"/>
      <node id="4" lat="50.0009" lon="11.4985"/>
      <node id="5" lat="49.9998" lon="11.4997"/>
      <node id="6" lat="49.9998" lon="11.5003"/>
      <node id="7" lat="50.0002" lon="11.5003"/>
      <node id="8" lat="50.0002" lon="11.4997"/>
      <node id="9" lat="50.0011" lon="11.498"/>
      <node id="10" lat="50.0011" lon="11.502"/>
      <way id="20"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/>
        <tag k="landuse" v="residential"/></way>
      <way id="21"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
        <tag k="landuse" v="forest"/></way>
      <way id="22"><nd ref="9"/><nd ref="10"/><tag k="highway" v="primary"/></way>
    </osm>
    """

  @Test func polygonsAndRoadsPaintTheirModels() throws {
    let path = try BadInputTests.temporaryFile("cover.osm", Self.extract)
    let osm = try OSMExtract.read(path: path)
    let projection = LocalProjection(origin: GeoCoordinate(longitude: 11.5, latitude: 50))
    // 10 x 10 cells of 30 m from (-150, -150): centres at -135, -105, ..., 135.
    let frame = Raster(columns: 10, rows: 10, west: -150, south: -150, cellSize: 30)
    let fuel = LandCoverFuel.raster(from: osm, projection: projection, like: frame)
    #expect(fuel.columns == 10 && fuel.rows == 10 && fuel.west == -150 && fuel.south == -150)
    var counts: [Double: Int] = [:]
    for value in fuel.values { counts[value, default: 0] += 1 }
    // Forest: centres with |x| < 107.5 (8 columns) and |y| < 100.1 (6 rows),
    // less the 2 x 2 village cells at x, y = ±15.
    #expect(counts[165] == 44)
    #expect(counts[91] == 4)
    #expect(counts[99] == 10, "the road crosses the whole northern row")
    #expect(counts[LandCoverFuel.unmappedModel] == 42)
    #expect(fuel[4, 4] == 91)  // centre (-15, 15)
    #expect(fuel[1, 2] == 165)  // centre (-105, 75)
    #expect(fuel[0, 2] == 101)  // centre (-135, 75): outside
    #expect(fuel[5, 0] == 99)  // centre (15, 135): the road's row
  }
}
