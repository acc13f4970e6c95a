import Foundation
import LuaHost
import Scenario
import ScenarioLua
import Testing

/// The scenario fuzz seeds and every input the scenario fuzzer ever found,
/// replayed through a scenario's setup in-process (Fuzz/corpus/scenario and
/// Fuzz/regressions/scenario), with the fuzz target's tight limits.
///
/// A seed is a valid scenario and must set up. A regression input must set
/// up or fail the way a bad scenario does: invalid input (`ScenarioError`)
/// or a script error or limit (`RunFailure`); no other error, and no crash.
@Suite struct ScenarioFuzzReplayTests {
  static let fuzzFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")
  /// The fuzz target's limits (Fuzz/Sources/fuzz-scenario).
  static let limits = LuaLimits(instructions: 1_000_000, memoryBytes: 64 << 20)

  /// The inputs, seeds first, as paths relative to Fuzz/, in name order.
  static let inputs: [String] = ["corpus", "regressions"].flatMap { folder in
    let directory = fuzzFolder.appendingPathComponent("\(folder)/scenario")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/scenario/\($0)" }
  }

  @Test("scenario inputs set up or fail as bad input, a script error or a limit", arguments: inputs)
  func replay(_ input: String) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "drillsim-fuzz-replay-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("input.lua").path
    try Data(contentsOf: Self.fuzzFolder.appendingPathComponent(input)).write(
      to: URL(fileURLWithPath: path))
    let isSeed = input.hasPrefix("corpus/")
    do {
      _ = try LuaScenario(path: path, options: RunOptions(limits: Self.limits), sink: EventLog())
    } catch let error as ScenarioError {
      #expect(!isSeed, "a seed must set up: \(error)")
      #expect(!error.description.isEmpty)
    } catch let failure as RunFailure {
      #expect(!isSeed, "a seed must set up: \(failure)")
    } catch {
      Issue.record("setup threw neither ScenarioError nor RunFailure: \(error)")
    }
  }

  @Test("the scenario fuzz target has seeds to replay")
  func seedsExist() {
    #expect(Self.inputs.contains { $0.hasPrefix("corpus/") })
  }
}
