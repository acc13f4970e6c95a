import ArgumentParser
import Foundation
import Township

/// `drillsim map import`: converts an OSM extract (or a GeoJSON map) into
/// the drillsim GeoJSON schema and prints what the import kept and repaired.
struct MapImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Convert an OSM extract (.osm, .osm.gz) or a GeoJSON map into a drillsim map.")

  @Argument(help: "The input file (.osm, .osm.gz or .geojson).")
  var file: String

  @Option(help: "Where to write the map (GeoJSON).")
  var out: String

  @Option(help: "Households per residential building without a building:flats tag.")
  var householdsPerBuilding: Double?

  @Option(help: "Persons per household.")
  var personsPerHousehold: Double?

  @Option(
    name: .customLong("shelter-capacity"),
    help: """
      Shelter capacity by amenity, e.g. townhall=300 (repeatable); an amenity that is \
      not a shelter by default (place_of_worship, kindergarten, fire_station) becomes one.
      """)
  var shelterCapacities: [String] = []

  func run() throws {
    var options = OSMImportOptions()
    if let householdsPerBuilding { options.householdsPerBuilding = householdsPerBuilding }
    if let personsPerHousehold { options.personsPerHousehold = personsPerHousehold }
    for entry in shelterCapacities {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let capacity = Int(parts[1]), capacity >= 0 else {
        printError("drillsim: --shelter-capacity expects amenity=persons, got \"\(entry)\"")
        throw ExitStatus.invalidInput.code
      }
      options.shelterCapacity[parts[0]] = capacity
    }
    do {
      let township: Township
      if file.lowercased().hasSuffix(".geojson") || file.lowercased().hasSuffix(".json") {
        township = try Township.readGeoJSON(path: file)
      } else {
        let result = try OSMImporter.importMap(path: file, options: options)
        township = result.township
        for line in result.report.lines { print("  \(line)") }
      }
      try Data(township.geoJSONText().utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      print(
        "\(out): \(township.nodes.count) nodes, \(township.links.count) links, \(township.zones.count) zones, \(township.facilities.count) facilities"
      )
    } catch let error as MapError {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    } catch let error as CocoaError {
      printError("drillsim: cannot write \(out): \(error.localizedDescription)")
      throw ExitStatus.invalidInput.code
    }
  }
}
