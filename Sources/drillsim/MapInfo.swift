import ArgumentParser
import Foundation
import Township

/// `drillsim map info`: prints counts, road length, connectivity,
/// population and shelter capacity of a map.
struct MapInfo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Summarise a map: counts, road length, connectivity, population, shelters.")

  @Argument(help: "The map (.geojson, .osm or .osm.gz).")
  var map: String

  func run() throws {
    do throws(MapError) {
      let township: Township
      if map.lowercased().hasSuffix(".geojson") || map.lowercased().hasSuffix(".json") {
        township = try Township.readGeoJSON(path: map)
      } else {
        township = try OSMImporter.importMap(path: map).township
      }
      print("\(map):")
      for line in MapSummary(township).lines { print("  \(line)") }
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
  }
}
