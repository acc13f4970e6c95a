import ArgumentParser
import Experiments
import Foundation

/// `drillsim sweep`: parameter sweeps.
///
/// `drillsim sweep SCENARIO ...` runs one (the default subcommand); the
/// others inspect, report, export and merge sweep stores.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run parameter sweeps into a resumable store; status, report, export, merge.",
    discussion: """
      A sweep folder holds sweep.sqlite: the sweep's definition and one row per run. \
      Running a sweep again on the same folder runs only what is missing; a different \
      sweep on the same folder is refused (exit 2).
      """,
    subcommands: [
      SweepRun.self, SweepStatus.self, SweepReportCommand.self, SweepExport.self, SweepMerge.self,
      SweepWorker.self,
    ],
    defaultSubcommand: SweepRun.self)
}

/// Runs `body`, printing an `ExperimentsError` and turning it into exit 2
/// (invalid input) or 1.
func reportingExperimentsErrors<T>(_ body: () throws(ExperimentsError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    printError("drillsim: \(error.isInvalidInput ? "invalid input: " : "")\(error)")
    throw (error.isInvalidInput ? ExitStatus.invalidInput : .runFailed).code
  }
}

/// Opens the store of an existing sweep folder.
func openSweepStore(_ folder: String) throws(ExperimentsError) -> SweepStore {
  try SweepStore(folder: URL(fileURLWithPath: folder), create: false)
}

/// Writes `text` to `path`, or to standard output for "-".
func writeOutput(_ text: String, to path: String) throws(ExperimentsError) {
  if path == "-" {
    FileHandle.standardOutput.write(Data(text.utf8))
    return
  }
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw ExperimentsError(path, "cannot write: \(error.localizedDescription)", invalidInput: false)
  }
}
