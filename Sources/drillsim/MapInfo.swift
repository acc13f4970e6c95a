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
      let township = try Township.read(path: map)
      print("\(map):")
      for line in MapSummary(township).lines { print("  \(line)") }
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
  }
}
