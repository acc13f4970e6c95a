import ArgumentParser

/// `drillsim drill`: documents for planning and running the real drill.
struct DrillCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "Documents for the real drill: the master scenario events list (MSEL).",
    subcommands: [DrillMSEL.self])
}
