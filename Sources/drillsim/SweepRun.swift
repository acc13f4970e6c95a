import ArgumentParser
import Experiments
import Foundation

/// `drillsim sweep SCENARIO ...`: runs a sweep (or what is missing of it)
/// into a store folder.
struct SweepRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a sweep, or resume one: only runs missing from --out are run.",
    discussion: """
      Every parameter the scenario declares with a range (min/max), a list of values \
      or a boolean default is varied unless pinned with --param. Replication r of every \
      point runs with the same seed (derived from --seed and r), so differences between \
      points are paired (common random numbers). Failed runs are recorded with their \
      error and the sweep goes on; the exit status is 0 once every run is stored.
      """)

  @Argument(help: "The scenario file (.lua).")
  var scenario: String

  @Option(name: .long, help: "Design: grid, random, lhs or oat.")
  var design: SweepDesign = .grid

  @Option(name: .long, help: "Points of a random or lhs design.")
  var samples: Int?

  @Option(name: .long, help: "Levels per range parameter of a grid or oat design.")
  var levels = 3

  @Option(name: .long, help: "Replications per point.")
  var replications = 1

  @Option(name: .long, help: "Runs at once (worker threads, one Lua state each).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .long, help: ArgumentHelp("Run only slice K of N of the run list.", valueName: "K/N"))
  var shard: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Override a parameter's range (low:high) or values (a,b,c) (repeatable).",
      valueName: "name=range"))
  var vary: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Add replications until the metric's 95 % half-width is at most this.",
      valueName: "metric:halfwidth"))
  var precision: String?

  @Option(name: .long, help: "Cap on replications per point with --precision.")
  var maxReplications = 100

  @Option(
    name: .long,
    help: """
      Where runs execute: process (child processes; a crashing run is recorded as \
      failed) or thread (worker threads of this process).
      """)
  var isolation: Isolation = .process

  @Option(name: .long, help: "The sweep folder (holds sweep.sqlite).")
  var out: String

  @OptionGroup var options: ScenarioOptions

  @Flag(name: .long, help: "Print only errors.")
  var quiet = false

  func run() throws {
    let progress = try reportingExperimentsErrors { () throws(ExperimentsError) in
      let request = SweepDefinition.Request(
        design: design, samples: samples, levels: levels, replications: replications,
        seed: options.seed ?? 1, pins: try pins(), varies: vary,
        maxInstructions: options.maxInstructions, maxMemoryMb: options.maxMemoryMb)
      let (definition, zones) = try SweepDefinition.load(scenarioPath: scenario, request: request)
      let runner = try ParallelRunner(jobs: jobs, isolation: try isolation.runnerIsolation())
      let shard = try shard.map { text throws(ExperimentsError) in try Shard(parsing: text) }
      let target = try precision.map { text throws(ExperimentsError) in
        try PrecisionTarget(parsing: text, maxReplications: maxReplications)
      }
      let store = try SweepStore(folder: URL(fileURLWithPath: out), create: true)
      let sweep = try Sweep(
        scenarioPath: scenario, definition: definition, store: store, shard: shard ?? .all,
        precision: target)
      try store.adopt(definition)
      try store.recordZoneLabels(zones)
      let display = SweepProgress(quiet: quiet)
      defer { display.finish() }
      return try sweep.run(with: runner) { progress, record in
        display.update(progress)
        if let record, record.status != "complete", !quiet {
          let first = record.error?.split(separator: "\n").first.map(String.init) ?? ""
          display.note("\(record.key) \(record.status): \(first)")
        }
      }
    }
    guard !quiet else { return }
    var line = "sweep: \(progress.done) runs done (\(progress.failed) failed)"
    if progress.skipped > 0 { line += ", \(progress.skipped) already stored" }
    print(line)
    print("store: \(URL(fileURLWithPath: out).appendingPathComponent(SweepStore.fileName).path)")
  }

  func pins() throws(ExperimentsError) -> [(name: String, text: String)] {
    do {
      return try options.overrides()
    } catch {
      throw ExperimentsError(error.location, error.message)
    }
  }
}

extension SweepDesign: ExpressibleByArgument {}

/// `--isolation`: child processes or threads.
enum Isolation: String, ExpressibleByArgument {
  case process
  case thread

  func runnerIsolation() throws(ExperimentsError) -> ParallelRunner.Isolation {
    switch self {
    case .thread: return .threads
    case .process:
      guard let path = Bundle.main.executablePath else {
        throw ExperimentsError(
          "--isolation", "cannot find the drillsim executable", invalidInput: false)
      }
      return .processes(executable: URL(fileURLWithPath: path))
    }
  }
}
