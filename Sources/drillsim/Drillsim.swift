import ArgumentParser
import Foundation

/// The `drillsim` command: subcommands only, no simulation logic.
@main
struct Drillsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drillsim",
    abstract: "Scriptable simulation and drill planning for township emergencies.",
    discussion: """
      Exit codes: 0 ok, 1 the run failed (script error), 2 invalid input \
      (scenario, map, option), 3 a limit was hit (instruction budget, memory cap).
      """,
    subcommands: [
      Run.self, Check.self, SweepCommand.self, Replay.self, View.self, Report.self,
      HazardCommand.self, Bench.self, MapCommand.self, DrillCommand.self,
    ],
    defaultSubcommand: nil)

  /// Parses and runs; usage errors exit with 2 (invalid input), not 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.invalidInput.rawValue)
      }
      exit(withError: error)
    }
  }
}

/// The exit codes every command shares (DESIGN.md §5).
enum ExitStatus: Int32 {
  case ok = 0
  case runFailed = 1
  case invalidInput = 2
  case limitHit = 3

  var code: ExitCode { ExitCode(rawValue) }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
