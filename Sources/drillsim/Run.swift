import ArgumentParser
import Foundation
import Recording
import Reports
import Scenario
import ScenarioLua

/// `drillsim run`: runs one scenario and writes its results folder.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario (default: the shipped default scenario).")

  @Argument(help: "The scenario file (.lua).")
  var scenario: String?

  @OptionGroup var options: ScenarioOptions

  @Option(name: .long, help: "Results folder (default: results/<scenario>/<run-id>).")
  var out: String?

  @Flag(name: .long, help: "Print only errors.")
  var quiet = false

  @Option(
    name: .long,
    help: "Sim seconds between replay frames (frames.jsonl); 0 records none.")
  var frameInterval: Double = 60

  @Flag(name: .long, help: "Do not write report.html.")
  var noReport = false

  func validate() throws {
    guard frameInterval == 0 || (frameInterval >= 1 && frameInterval.isFinite) else {
      throw ValidationError("--frame-interval must be 0 (no frames) or at least 1 second")
    }
  }

  func run() throws {
    let path = ScenarioLocation.resolve(scenario)
    var logLines: [String] = []
    let quiet = self.quiet
    let journal = EventJournal()
    let clock = ContinuousClock()
    let started = clock.now
    let world = try options.load(path, sink: journal) { line in
      logLines.append(line)
      if !quiet { printError(line) }
    }
    let folder =
      out.map { RunFolder(url: URL(fileURLWithPath: $0)) }
      ?? RunFolder.standard(
        root: URL(fileURLWithPath: "results"), scenario: world.spec.name,
        seed: world.effectiveSeed, overrides: (try? options.overrides()) ?? [])
    do {
      try folder.prepare(scenario: world.spec.name, seed: world.effectiveSeed)
      try journal.open(at: folder.eventsURL)
    } catch {
      printError(
        "drillsim: cannot write results to \(folder.url.path): \(error.localizedDescription)")
      throw ExitStatus.invalidInput.code
    }
    let frames = FrameWriter(url: folder.framesURL)
    if frameInterval > 0, let interval = SimTime(seconds: frameInterval) {
      world.recordFrames(to: frames, every: interval)
    }
    let progress = ProgressLine(duration: world.spec.duration?.seconds, quiet: quiet)
    world.progress = { time, events in progress.update(simSeconds: time.seconds, events: events) }
    let result = world.run()
    progress.finish()
    let wall = (clock.now - started)
    do {
      try journal.close()
      if frameInterval > 0 { try frames.close() }
      try folder.writeSeries(world.metricSeries)
      let log = logLines.joined(separator: "\n") + (logLines.isEmpty ? "" : "\n")
      try Data(log.utf8).write(to: folder.logURL, options: .atomic)
      try folder.writeSummary(result)
    } catch {
      printError(
        "drillsim: cannot write results to \(folder.url.path): \(error.localizedDescription)")
      throw ExitStatus.runFailed.code
    }
    if let error = world.frameError {
      printError("drillsim: frames stopped early: \(error)")
    }
    if !noReport {
      do {
        let html = try ReportDocument(archive: try RunArchive(folder: folder)).html()
        try Data(html.utf8).write(to: folder.reportURL, options: .atomic)
      } catch {
        printError("drillsim: cannot write \(folder.reportURL.path): \(error)")
        throw ExitStatus.runFailed.code
      }
    }
    report(result, folder: folder, wall: wall)
    switch result.status {
    case .complete: return
    case .failed: throw ExitStatus.runFailed.code
    case .limit: throw ExitStatus.limitHit.code
    }
  }

  func report(_ result: RunResult, folder: RunFolder, wall: Duration) {
    if let error = result.error { printError("drillsim: \(folder.url.path): \(error)") }
    guard !quiet else { return }
    let seconds = ProgressLine.seconds(wall)
    var line = "\(result.scenario) (seed \(result.seed)): \(result.status.rawValue)"
    line +=
      " at t=\(result.simEnd) s, \(result.events) events, \(String(format: "%.2f", seconds)) s wall"
    if let reason = result.stopReason { line += " (\(reason))" }
    print(line)
    for objective in result.objectives {
      print(
        "  objective \(objective.name): \(objective.rating)\(objective.pass ? "" : " (not met)")")
    }
    print("results: \(folder.url.path)")
  }
}
