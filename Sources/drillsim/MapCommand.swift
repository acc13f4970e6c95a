import ArgumentParser

/// `drillsim map`: convert and inspect township maps.
struct MapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Import OSM extracts into drillsim maps, generate synthetic maps and inspect maps.",
    subcommands: [MapImport.self, MapInfo.self, MapSynth.self])
}
