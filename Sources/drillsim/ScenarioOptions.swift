import ArgumentParser
import Foundation
import LuaHost
import Scenario
import ScenarioLua

/// Options shared by the commands that load a scenario.
struct ScenarioOptions: ParsableArguments {
  @Option(name: .long, help: "Seed for every random stream (overrides the scenario's).")
  var seed: UInt64?

  @Option(
    name: .long,
    help: ArgumentHelp("Set a declared parameter (repeatable).", valueName: "name=value"))
  var param: [String] = []

  @Option(name: .long, help: "Lua instructions the run may execute (a count, never wall time).")
  var maxInstructions: Int64 = RunOptions.defaultLimits.instructions

  @Option(name: .long, help: "Memory the scenario's Lua state may hold, in MiB.")
  var maxMemoryMb: Int = RunOptions.defaultLimits.memoryBytes >> 20

  /// `--param` values split at the first '='.
  func overrides() throws(ScenarioError) -> [(name: String, text: String)] {
    try param.map { item throws(ScenarioError) in
      guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
        throw ScenarioError("--param \(item)", "expected name=value")
      }
      return (String(item[..<eq]), String(item[item.index(after: eq)...]))
    }
  }

  func runOptions(log: @escaping (String) -> Void) throws(ScenarioError) -> RunOptions {
    guard maxInstructions > 0 else { throw ScenarioError("--max-instructions", "must be positive") }
    guard maxMemoryMb > 0, maxMemoryMb < 1 << 20 else {
      throw ScenarioError("--max-memory-mb", "must be between 1 and 1048575")
    }
    return RunOptions(
      seed: seed, params: try overrides(),
      limits: LuaLimits(instructions: maxInstructions, memoryBytes: maxMemoryMb << 20), log: log)
  }
}

/// Where shipped scenarios live: `$DRILLSIM_HOME/scenarios`, else the
/// nearest `scenarios/` folder above the executable, else `./scenarios`.
enum ScenarioLocation {
  static let defaultScenario = "default.lua"

  static func scenariosFolder() -> URL {
    let fm = FileManager.default
    if let home = ProcessInfo.processInfo.environment["DRILLSIM_HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home).appendingPathComponent("scenarios")
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("scenarios")
      if fm.fileExists(atPath: candidate.appendingPathComponent(defaultScenario).path) {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "scenarios")
  }

  /// The scenario path to load: the argument, or the shipped default.
  static func resolve(_ argument: String?) -> String {
    if let argument { return argument }
    let url = scenariosFolder().appendingPathComponent(defaultScenario)
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
  }
}

extension ScenarioOptions {
  /// Loads a scenario and runs its setup, turning failures into the exit
  /// codes of DESIGN.md §5 with a message on stderr.
  func load(
    _ path: String, sink: EventSink, log: @escaping (String) -> Void,
    adjust: (inout RunOptions) -> Void = { _ in }
  ) throws -> LuaScenario {
    do {
      var options = try runOptions(log: log)
      adjust(&options)
      return try LuaScenario(path: path, options: options, sink: sink)
    } catch let error as ScenarioError {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    } catch let failure as RunFailure {
      printError("drillsim: \(path): setup failed: \(failure)")
      throw (failure.isLimit ? ExitStatus.limitHit : .runFailed).code
    }
  }
}
