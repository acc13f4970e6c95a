import ArgumentParser
import Experiments

/// `drillsim sweep status DIR`: what a sweep is, how far it got, and its
/// failed runs.
struct SweepStatus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show a sweep's definition, stored and missing runs, and failures.")

  @Argument(help: "The sweep folder.")
  var folder: String

  @Flag(name: .long, help: "Also print the statistics of every metric (as sweep report).")
  var statistics = false

  func run() throws {
    let report = try reportingExperimentsErrors { () throws(ExperimentsError) in
      let store = try openSweepStore(folder)
      guard let definition = try store.definition() else {
        throw ExperimentsError(folder, "the store holds no sweep definition yet")
      }
      return SweepReport(definition: definition, records: try store.records())
    }
    print(report.statusText(), terminator: "")
    if statistics { print(report.statisticsText(), terminator: "") }
  }
}
