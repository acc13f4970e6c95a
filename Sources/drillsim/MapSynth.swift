import ArgumentParser
import Foundation
import Township

/// `drillsim map synth`: generates a synthetic county (a river valley with
/// villages, roads, shelters and hazards) and optionally its DEM.
struct MapSynth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Generate a synthetic river-valley county map (and its DEM).",
    discussion: """
      The county has exactly VILLAGES villages and VILLAGES x HOUSEHOLDS \
      households; the same seed gives the same bytes. Coordinates are local \
      metres (no projection).
      """)

  @Option(help: "Villages in the county (1...100000).")
  var villages: Int

  @Option(help: "Mean households per village (1...10000).")
  var households: Int

  @Option(help: "Seed of every random stream.")
  var seed: UInt64 = 1

  @Option(help: "Persons per household.")
  var personsPerHousehold: Double?

  @Option(help: "Share of residents the shelters hold (default 0.2).")
  var shelterShare: Double?

  @Option(help: "Where to write the map (GeoJSON).")
  var out: String?

  @Option(help: "Where to write the DEM (ESRI ASCII grid).")
  var dem: String?

  @Option(help: "DEM cell size, metres.")
  var demCell = 30.0

  func run() throws {
    var options = SyntheticCountyOptions(
      villages: villages, householdsPerVillage: households, seed: seed)
    if let personsPerHousehold { options.personsPerHousehold = personsPerHousehold }
    if let shelterShare { options.shelterShare = shelterShare }
    guard demCell.isFinite, demCell >= 1 else {
      printError("drillsim: invalid input: --dem-cell must be at least 1 metre")
      throw ExitStatus.invalidInput.code
    }
    do throws(MapError) {
      let county = try SyntheticCounty.generate(options)
      if let out {
        do {
          try Data(county.township.geoJSONText().utf8).write(
            to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
          throw MapError(file: out, .whole, "cannot write the file: \(error.localizedDescription)")
        }
      }
      if let dem {
        let grid = county.terrain.elevationGrid(cellSize: demCell)
        try grid.writeESRIASCII(to: dem)
        print("\(dem): \(grid.columns) x \(grid.rows) cells of \(demCell) m")
      }
      print("\(out ?? "synthetic county") (seed \(seed)):")
      for line in MapSummary(county.township).lines { print("  \(line)") }
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
  }
}
