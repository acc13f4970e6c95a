import Foundation
import LuaHost
import Scenario
import ScenarioLua

/// Runs Lua scenario text in-process and returns its result and events.
enum ScenarioHarness {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct Outcome {
    let result: RunResult
    let events: [EventLog.Entry]
    var metrics: [String: Double] {
      Dictionary(uniqueKeysWithValues: result.metrics.map { ($0.name, $0.value) })
    }
    var kinds: [String] { events.map(\.kind) }
  }

  /// Writes `source` to a temporary file and runs it.
  static func run(
    _ source: String, seed: UInt64? = nil, params: [(String, String)] = [],
    limits: LuaLimits = RunOptions.defaultLimits
  ) throws -> Outcome {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(source.utf8).write(to: file)
    return try runFile(file.path, seed: seed, params: params, limits: limits)
  }

  static func runFile(
    _ path: String, seed: UInt64? = nil, params: [(String, String)] = [],
    limits: LuaLimits = RunOptions.defaultLimits
  ) throws -> Outcome {
    let log = EventLog()
    let options = RunOptions(
      seed: seed, params: params.map { (name: $0.0, text: $0.1) }, limits: limits)
    let scenario = try LuaScenario(path: path, options: options, sink: log)
    let result = scenario.run()
    return Outcome(result: result, events: log.entries)
  }

  /// The `msg` fields of the run's log events.
  static func messages(_ outcome: Outcome) -> [String] {
    outcome.events.compactMap { entry in
      guard entry.kind == "log", case .string(let text)? = entry.fields.first?.value else {
        return nil
      }
      return text
    }
  }
}
