import ArgumentParser
import Foundation
import Township

/// `drillsim map raster`: resamples a geographic grid (an SRTM DEM in WGS84
/// degrees) onto the local metric frame of a map, so scenarios can name it
/// as `terrain = "..."` with cell centres in map metres.
struct MapRaster: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "raster",
    abstract: "Resample a WGS84 ESRI ASCII grid onto a map's local metric frame.",
    discussion: """
      The input grid must be geographic (x longitude, y latitude, degrees). \
      Each output cell centre is unprojected through the map's transverse \
      Mercator and sampled bilinearly (rounded to centimetres); cells outside \
      the input are NODATA. \
      The output covers every point of the map plus --margin metres, with \
      edges on multiples of --cell from the map origin.
      """)

  @Argument(help: "The input grid (.asc, WGS84 degrees).")
  var grid: String

  @Option(help: "The map whose local frame the output uses (.geojson, .osm or .osm.gz).")
  var map: String

  @Option(help: "Output cell size, metres.")
  var cell: Double = 30

  @Option(help: "Extra border around the map, metres.")
  var margin: Double = 0

  @Option(help: "Where to write the local grid (ESRI ASCII).")
  var out: String

  func validate() throws {
    guard cell > 0, cell.isFinite else { throw ValidationError("--cell must be a positive number") }
    guard margin >= 0, margin.isFinite else { throw ValidationError("--margin must be >= 0") }
  }

  func run() throws {
    do throws(MapError) {
      let township = try Township.read(path: map)
      guard let projection = township.projection else {
        throw MapError(
          file: map, .whole, "the map is in local metres (no WGS84 origin); nothing to align to")
      }
      let source = try Raster.readAsciiGrid(path: grid)
      guard source.west >= -180, source.east <= 180, source.south >= -90, source.north <= 90 else {
        throw MapError(
          file: grid, .whole, "the grid's extent is not in degrees; expected a WGS84 grid")
      }
      var local = source.resampled(
        through: projection, cellSize: cell, covering: township.allPoints, margin: margin)
      // Centimetres are far below any DEM's accuracy and keep the file short.
      local.values = local.values.map { ($0 * 100).rounded() / 100 }
      try local.writeAsciiGrid(path: out)
      let range = local.valueRange.map {
        String(format: "%.1f..%.1f", $0.lowerBound, $0.upperBound)
      }
      print(
        "\(out): \(local.columns) x \(local.rows) cells of \(Raster.format(cell)) m, "
          + "values \(range ?? "none"), \(local.noDataCount) without data")
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
  }
}
