import ArgumentParser
import Foundation
import Township

/// `drillsim map fuel`: a fuel-model raster from an OSM extract's land use,
/// on the cells of an existing local grid (the map's DEM), so a scenario
/// can name it as `fuel = "..."`.
struct MapFuel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fuel",
    abstract: "Derive a fuel-model raster from OSM land use on a local grid's cells.",
    discussion: """
      Forest and wood become Scott & Burgan TU5 (165), scrub and heath SH2 \
      (142), meadow, farmland and grass GR2 (102), built-up land and \
      buildings NB1 (91), water NB8 (98), major roads and rivers NB9 (99); \
      cells no polygon covers GR1 (101). The local frame is the one \
      `drillsim map import` gives the same extract (centred on its ways). \
      See Sources/Township/LandCoverFuel.swift for the mapping and sources.
      """)

  @Argument(help: "The OSM extract (.osm or .osm.gz).")
  var osm: String

  @Option(help: "A grid on the map's local frame whose cells the output takes (.asc).")
  var like: String

  @Option(help: "Where to write the fuel grid (ESRI ASCII).")
  var out: String

  func run() throws {
    do throws(MapError) {
      let extract = try OSMExtract.read(path: osm)
      let projection = LocalProjection(
        centeredOn: extract.ways.lazy.flatMap { $0.nodeRefs }.compactMap {
          extract.coordinates[$0]
        })
      let frame = try Raster.readAsciiGrid(path: like)
      let fuel = LandCoverFuel.raster(from: extract, projection: projection, like: frame)
      try fuel.writeAsciiGrid(path: out)
      var counts: [Int: Int] = [:]
      for value in fuel.values { counts[Int(value), default: 0] += 1 }
      let shares = counts.keys.sorted().map { "\($0): \(counts[$0] ?? 0)" }
      print(
        "\(out): \(fuel.columns) x \(fuel.rows) cells; origin "
          + "\(projection.origin.longitude), \(projection.origin.latitude); cells per model "
          + shares.joined(separator: ", "))
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
  }
}
