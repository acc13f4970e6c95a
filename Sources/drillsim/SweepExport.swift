import ArgumentParser
import Experiments

/// `drillsim sweep export DIR --csv FILE`: every stored run as one CSV row.
struct SweepExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write every stored run as a CSV row (parameters, metrics, objectives).")

  @Argument(help: "The sweep folder.")
  var folder: String

  @Option(name: .long, help: "The CSV file to write ('-': standard output).")
  var csv: String

  func run() throws {
    try reportingExperimentsErrors { () throws(ExperimentsError) in
      let store = try openSweepStore(folder)
      guard let definition = try store.definition() else {
        throw ExperimentsError(folder, "the store holds no sweep definition yet")
      }
      try writeOutput(RunTable.csv(definition: definition, records: try store.records()), to: csv)
    }
  }
}
