import ArgumentParser

/// `drillsim map`: convert and inspect township maps.
struct MapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Import OSM extracts, generate synthetic maps, resample rasters, inspect maps.",
    subcommands: [MapImport.self, MapInfo.self, MapRaster.self, MapSynth.self, MapFuel.self])
}
