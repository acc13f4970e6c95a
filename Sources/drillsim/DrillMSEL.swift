import ArgumentParser
import Foundation
import Recording
import Reports
import Scenario
import ScenarioLua

/// `drillsim drill msel`: the scenario's injects as the controllers' MSEL.
///
/// The scenario is loaded (its top level runs: header, parameters,
/// injects) but not simulated, so the list comes out in a second.
struct DrillMSEL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "msel",
    abstract: "Write the master scenario events list (MSEL) of a scenario as CSV or Markdown.",
    discussion: """
      Columns: number, time, delivery, sender, recipient, text, expected action, \
      objective. Rows are ordered by time; conditional injects follow the timed \
      ones with "when: <trigger>" as their time. The format follows --out: .csv \
      (UTF-8, RFC 4180 quoting) or .md (a Markdown table).
      """)

  @Argument(help: "The scenario file (.lua).")
  var scenario: String

  @Option(name: .long, help: "Where to write: FILE.csv or FILE.md.")
  var out: String

  @OptionGroup var options: ScenarioOptions

  func run() throws {
    let format = (out as NSString).pathExtension.lowercased()
    guard format == "csv" || format == "md" else {
      printError("drillsim: invalid input: --out \(out): expected a .csv or .md file")
      throw ExitStatus.invalidInput.code
    }
    let world = try options.load(scenario, sink: EventLog()) { _ in }
    let document = MSELDocument(
      scenario: world.spec.name, injects: world.plannedInjects, start: world.spec.start)
    let text = format == "csv" ? document.csv() : document.markdown()
    let target = URL(fileURLWithPath: out)
    do {
      try Data(text.utf8).write(to: target, options: .atomic)
    } catch {
      printError("drillsim: cannot write \(target.path): \(error.localizedDescription)")
      throw ExitStatus.runFailed.code
    }
    print("msel: \(target.path) (\(document.injects.count) injects)")
  }
}
