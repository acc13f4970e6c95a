import Experiments
import Foundation

/// A tiny scenario with two swept parameters (two teams values, a delay
/// range) and a metric that depends on both and on a random stream, in a
/// temporary folder.
struct SweepFixture {
  static let source = """
    scenario { name = "sweep-unit", duration = hours(1), seed = 5 }
    local teams = sim.param("teams", { default = 2, values = { 2, 3 } })
    local delay = sim.param("delay", { default = 30, min = 0, max = 60 })
    local fail_at = sim.param("fail_at", { default = -1, doc = "a delay whose runs fail" })
    if delay == fail_at then error("failing on purpose at delay " .. delay) end
    local rng = sim.rng("calls")
    local total = 0
    for _ = 1, 20 do total = total + rng:exponential(60) end
    sim.metric("response_s", delay + total / teams)
    sim.objective { name = "fast", target = "under 600 s",
                    check = function() return delay + total / teams < 600 end }
    """

  let folder: URL
  let scenario: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "drillsim-experiments-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    scenario = folder.appendingPathComponent("sweep.lua").path
    try Data(Self.source.utf8).write(to: URL(fileURLWithPath: scenario))
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  /// A new store folder inside the fixture's folder.
  func store(_ name: String) throws -> SweepStore {
    try SweepStore(folder: folder.appendingPathComponent(name), create: true)
  }

  /// The 2 x 3 grid with `replications` replications.
  func definition(
    replications: Int = 4, pins: [(name: String, text: String)] = [], seed: UInt64 = 1
  ) throws -> SweepDefinition {
    try SweepDefinition(
      scenarioPath: scenario,
      request: SweepDefinition.Request(
        design: .grid, levels: 3, replications: replications, seed: seed, pins: pins))
  }

  /// Runs the whole (or a shard of the) sweep into `store`.
  @discardableResult
  func run(
    _ definition: SweepDefinition, into store: SweepStore, jobs: Int = 2, shard: Shard = .all,
    precision: PrecisionTarget? = nil
  ) throws -> Sweep.Progress {
    let sweep = try Sweep(
      scenarioPath: scenario, definition: definition, store: store, shard: shard,
      precision: precision)
    return try sweep.run(with: try ParallelRunner(jobs: jobs))
  }
}

extension Array where Element == RunRecord {
  /// Equal results in the same order, wall times aside.
  func sameResults(as other: [RunRecord]) -> Bool {
    count == other.count && zip(self, other).allSatisfy { $0.sameResult(as: $1) }
  }
}
