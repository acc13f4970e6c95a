import ArgumentParser
import Foundation
import Recording
import Reports

/// `drillsim view`: writes replay.html, the browser replay of a run.
struct View: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write replay.html (an offline browser replay) for a results folder.")

  @Argument(help: "The run's results folder.")
  var runDir: String

  @Option(name: .long, help: "Where to write (default: RUN_DIR/replay.html).")
  var out: String?

  func run() throws {
    let folder = RunFolder(url: URL(fileURLWithPath: runDir))
    let html: String
    do {
      html = try ReplayDocument(archive: try RunArchive(folder: folder)).html()
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
    let target = out.map { URL(fileURLWithPath: $0) } ?? folder.replayURL
    do {
      try Data(html.utf8).write(to: target, options: .atomic)
    } catch {
      printError("drillsim: cannot write \(target.path): \(error.localizedDescription)")
      throw ExitStatus.runFailed.code
    }
    print("replay: \(target.path)")
  }
}
