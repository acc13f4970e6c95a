import ArgumentParser
import Foundation
import Recording
import Reports

/// `drillsim report`: writes report.html for a results folder.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write report.html (numbers, objectives, charts, maps) for a results folder.")

  @Argument(help: "The run's results folder.")
  var runDir: String

  @Option(name: .long, help: "Where to write (default: RUN_DIR/report.html).")
  var out: String?

  func run() throws {
    let folder = RunFolder(url: URL(fileURLWithPath: runDir))
    let html: String
    do {
      html = try ReportDocument(archive: try RunArchive(folder: folder)).html()
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
    let target = out.map { URL(fileURLWithPath: $0) } ?? folder.reportURL
    do {
      try Data(html.utf8).write(to: target, options: .atomic)
    } catch {
      printError("drillsim: cannot write \(target.path): \(error.localizedDescription)")
      throw ExitStatus.runFailed.code
    }
    print("report: \(target.path)")
  }
}
