import Foundation
import Testing
import Township

/// Geographic grids in the map's local frame: orientation, anchors, round trip.
@Suite struct RasterAlignmentTests {
  let projection = LocalProjection(origin: GeoCoordinate(longitude: 11.54, latitude: 50.0))

  /// A 3" geographic grid around the projection origin, zero but for one cell.
  func spikeGrid(column: Int, row: Int) -> Raster {
    var grid = Raster(
      columns: 41, rows: 31, west: 11.54 - 20.5 / 1200, south: 50.0 - 15.5 / 1200,
      cellSize: 1.0 / 1200, filledWith: 0)
    grid[column, row] = 1000
    return grid
  }

  @Test func aSpikeLandsWhereItsCellCentreProjects() throws {
    // North-east of the origin: column 30 (east), row 5 (north rows come first).
    let grid = spikeGrid(column: 30, row: 5)
    let centre = grid.centre(column: 30, row: 5)
    let expected = projection.project(GeoCoordinate(longitude: centre.x, latitude: centre.y))
    #expect(expected.x > 500 && expected.y > 600)
    let local = grid.resampled(
      through: projection, cellSize: 10,
      covering: [MapPoint(x: -1000, y: -1000), MapPoint(x: 1000, y: 1000)])
    #expect(
      local.cellWidth == 10 && local.west == -1000 && local.columns == 200 && local.rows == 200)
    var best = (column: 0, row: 0, value: -Double.infinity)
    for row in 0..<local.rows {
      for column in 0..<local.columns where local[column, row] > best.value {
        best = (column, row, local[column, row])
      }
    }
    let peak = local.centre(column: best.column, row: best.row)
    #expect(peak.distance(to: expected) <= 10)
    #expect(best.value > 900)
    let direct = try #require(grid.sample(at: expected, through: projection))
    #expect(abs(direct - 1000) < 0.1)  // the projection round trip is good to ~1 mm
  }

  @Test func cellsOutsideTheSourceHaveNoData() {
    let grid = spikeGrid(column: 0, row: 0)
    // The source spans about 2.4 x 2.6 km; a 10 km frame leaves most cells empty.
    let local = grid.resampled(
      through: projection, cellSize: 100,
      covering: [MapPoint(x: -5000, y: -5000), MapPoint(x: 5000, y: 5000)])
    #expect(local.noDataCount > local.values.count / 2)
    #expect(local.sample(at: MapPoint(x: 0, y: 0)) == 0)
    #expect(local.sample(at: MapPoint(x: 4900, y: 4900)) == nil)
  }

  @Test func frameEdgesAreCellMultiples() {
    let frame = Raster.localFrame(
      covering: [MapPoint(x: -31, y: 7), MapPoint(x: 95, y: 59)], cellSize: 30, margin: 5)
    #expect(frame.west == -60 && frame.south == 0 && frame.columns == 6 && frame.rows == 3)
  }

  static let dem = ImportTests.dataFolder + "/north-bayreuth/north-bayreuth_srtm3.asc"
  static let osm = ImportTests.dataFolder + "/north-bayreuth/north-bayreuth.osm.gz"
  static let available =
    FileManager.default.fileExists(atPath: dem) && FileManager.default.fileExists(atPath: osm)

  /// SOURCES.md §1: river nodes average 318 m, Neudrossenfeld's centre 311 m.
  @Test(.enabled(if: available, "../shared/data/north-bayreuth is absent"))
  func northBayreuthDEMMatchesTheMap() throws {
    let geographic = try Raster.readAsciiGrid(path: Self.dem)
    let map = try OSMImporter.importMap(path: Self.osm).township
    let projection = try #require(map.projection)
    let local = geographic.resampled(through: projection, cellSize: 30, covering: map.allPoints)
    #expect(local.noDataCount == 0)

    // The place=village node (OSM 240050520, 50.0183 N 11.5011 E) sits on the
    // terrace above the river: an independent nearest-cell reading of the
    // crop (row 98, column 133) gives 348 m. The 311 m of SOURCES.md is the
    // valley floor the village runs down to, a few hundred metres south-west.
    let centre = try #require(map.zones.first { $0.name == "Neudrossenfeld" }).position
    let centreDirect = try #require(geographic.sample(at: centre, through: projection))
    let centreLocal = try #require(local.elevation(at: centre))
    #expect(abs(centreDirect - 348) < 3, "Neudrossenfeld's node reads \(centreDirect) m")
    #expect(
      abs(centreLocal - 348) < 3, "Neudrossenfeld's node reads \(centreLocal) m on the 30 m grid")
    var valleyFloor = Double.infinity
    for row in 0..<local.rows {
      for column in 0..<local.columns
      where local.centre(column: column, row: row).distance(to: centre) <= 700 {
        valleyFloor = min(valleyFloor, local[column, row])
      }
    }
    #expect(abs(valleyFloor - 311) < 4, "the valley floor by Neudrossenfeld reads \(valleyFloor) m")

    let river = map.hazards.filter { $0.kind == "river" && $0.name == "Roter Main" }
      .flatMap(\.points)
    #expect(river.count > 100)
    var direct = 0.0
    var resampled = 0.0
    for point in river {
      direct += try #require(geographic.sample(at: point, through: projection))
      resampled += try #require(local.elevation(at: point))
    }
    direct /= Double(river.count)
    resampled /= Double(river.count)
    #expect(abs(direct - 318) < 3, "river nodes average \(direct) m")
    #expect(abs(resampled - 318) < 3, "river nodes average \(resampled) m on the 30 m grid")
    // Roads sit above the valley floor: SOURCES.md gives 379 m at highway nodes.
    let roadMean =
      map.nodes.reduce(0.0) { $0 + (local.elevation(at: $1.position) ?? .nan) }
      / Double(map.nodes.count)
    #expect(abs(roadMean - 379) < 15, "road nodes average \(roadMean) m")

    let path = try BadInputTests.temporaryFile("north-bayreuth-local.asc", "")
    try local.writeAsciiGrid(path: path)
    #expect(try Raster.readAsciiGrid(path: path) == local)
  }
}
