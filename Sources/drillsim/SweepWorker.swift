import ArgumentParser
import Experiments

/// `drillsim sweep worker SCENARIO`: runs sweep runs sent on standard input
/// and answers with their records; started by `drillsim sweep` itself.
struct SweepWorker: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Run sweep runs sent on standard input (used by drillsim sweep itself).",
    shouldDisplay: false)

  @Argument(help: "The scenario file (.lua).")
  var scenario: String

  func run() throws {
    do {
      try RunExecutor.serve(scenarioPath: scenario)
    } catch {
      printError("drillsim: sweep worker: \(error)")
      throw ExitStatus.runFailed.code
    }
  }
}
