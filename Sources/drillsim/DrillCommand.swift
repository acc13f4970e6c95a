import ArgumentParser

/// `drillsim drill`: the real drill's documents, before and after: the
/// master scenario events list to run it, and the comparison with the plan.
struct DrillCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "The real drill: its scripted event list (MSEL), and how it compares with the plan.",
    subcommands: [DrillMSEL.self, DrillCompare.self])
}
