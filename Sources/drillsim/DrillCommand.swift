import ArgumentParser

/// `drillsim drill`: tools around the yearly drill itself.
struct DrillCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "Drill planning: compare a real drill with the plan's simulated runs.",
    subcommands: [DrillCompare.self])
}
