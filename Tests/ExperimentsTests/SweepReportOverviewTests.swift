import Experiments
import Foundation
import Testing

/// What the HTML sweep report takes from a store: run counts, the metrics
/// it shows, when a sensitivity chart is drawn, and replay commands.
@Suite struct SweepReportOverviewTests {
  static func definition(factors: [Factor], replications: Int = 2) -> SweepDefinition {
    SweepDefinition(
      scenario: "s", scenarioDigest: "0", design: .grid, samples: 0, levels: 3,
      replications: replications, seed: 1,
      pinned: [Setting(name: "peak", level: .integer(150))], factors: factors,
      maxInstructions: 1, maxMemoryMb: 1)
  }

  static let x = Factor(
    name: "x", domain: .range(min: 0, max: 2, integer: false), baseline: .number(0))
  static let z = Factor(
    name: "z", domain: .levels([.integer(1), .integer(5)]), baseline: .integer(1))

  static func record(
    _ point: Int, _ replication: Int, _ metrics: [String: Double], status: String = "complete",
    error: String? = nil
  ) -> RunRecord {
    RunRecord(
      key: RunKey(point: point, replication: replication), seed: 40 + UInt64(replication),
      params: "{}", status: status, error: error, simEndSeconds: 0, events: 0, wallSeconds: 0,
      metrics: metrics.keys.sorted().map { Metric(name: $0, value: metrics[$0] ?? 0) },
      objectives: [])
  }

  @Test func progressCountsStoredFailedMissingAndExtraRuns() {
    // 3 points x 2 replications; point 2 replication 1 missing, one
    // failure, one sequential extra replication.
    let records = [
      Self.record(0, 0, ["y": 1]), Self.record(0, 1, ["y": 2]), Self.record(1, 0, ["y": 3]),
      Self.record(1, 1, [:], status: "failed", error: "boom"), Self.record(2, 0, ["y": 4]),
      Self.record(0, 2, ["y": 5]),
    ]
    let report = SweepReport(definition: Self.definition(factors: [Self.x]), records: records)
    let progress = report.progress
    #expect(progress.planned == 6)
    #expect(progress.stored == 6)
    #expect(progress.failed == 1)
    #expect(progress.missing == 1)
    #expect(progress.extra == 1)
    #expect(report.levelsText(Self.x) == "0 to 2, 3 levels")
  }

  @Test func keyMetricsComeFirstThenTheAskedOnes() {
    let metrics = [
      "evacuation.t100_s": 3.0, "evacuation.t90_s": 2, "evacuation.zone.t90_s": 1,
      "response.mean_s": 4, "other": 5,
    ]
    let report = SweepReport(
      definition: Self.definition(factors: [Self.x]), records: [Self.record(0, 0, metrics)])
    #expect(
      report.reportedMetrics(adding: ["other", "evacuation.t90_s"])
        == ["evacuation.t90_s", "evacuation.t100_s", "response.mean_s", "other"])
    // No key metric at all: the top-level ones stand in.
    let plain = SweepReport(
      definition: Self.definition(factors: [Self.x]),
      records: [Self.record(0, 0, ["b": 1, "a": 2, "a.b.c": 3])])
    #expect(plain.reportedMetrics() == ["a", "b"])
  }

  @Test func sensitivityNeedsTwoFactorsOrThreePoints() throws {
    // One factor at two points: refused with the reason.
    let two = Factor(name: "x", domain: .levels([.number(0), .number(1)]), baseline: .number(0))
    let pair = SweepReport(
      definition: Self.definition(factors: [two]),
      records: (0..<2).flatMap { p in
        (0..<2).map { r in Self.record(p, r, ["y": Double(p * 10 + r)]) }
      })
    #expect(throws: ExperimentsError.self) { try pair.reportedSensitivity("y") }
    do {
      _ = try pair.reportedSensitivity("y")
    } catch {
      #expect(error.message.contains("one varied parameter at 2 points"))
    }
    // Two factors (x: 3 levels, z: 2 levels, a grid of 6 points): y = x + z.
    let grid = Self.definition(factors: [Self.x, Self.z])
    let points = grid.points()
    let records = points.flatMap { point in
      (0..<2).map { r in
        let x = point.settings[0].level.numeric ?? 0
        let z = point.settings[1].level.numeric ?? 0
        return Self.record(point.index, r, ["y": x + z + Double(r) * 0.01])
      }
    }
    let fit = try SweepReport(definition: grid, records: records).reportedSensitivity("y")
    #expect(fit.coefficients.map(\.input) == ["x", "z"])
    #expect(fit.rSquared > 0.99)
  }

  @Test func replayCommandsComeFromTheErrorOrTheSettings() {
    let report = SweepReport(definition: Self.definition(factors: [Self.x]), records: [])
    let crashed = Self.record(
      1, 0, [:], status: "failed",
      error: "the run crashed its worker process; replay it with: drillsim run a.lua --seed 9")
    #expect(report.replayCommand(crashed) == "drillsim run a.lua --seed 9")
    let failed = Self.record(2, 1, [:], status: "failed", error: "script error\ntraceback")
    #expect(
      report.replayCommand(failed)
        == "drillsim run SCENARIO --seed 41 --param peak=150 --param x=2.0")
  }

  @Test func zoneLabelsAreKeptOnceAndMerged() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let store = try fixture.store("a")
    #expect(try store.zoneLabels() == [])
    let labels = [
      ZoneLabel(metricWord: "z2", name: "下村"), ZoneLabel(metricWord: "z1", name: "Upper"),
    ]
    try store.recordZoneLabels(labels)
    try store.recordZoneLabels([ZoneLabel(metricWord: "z9", name: "other")])
    #expect(try store.zoneLabels() == labels.reversed())
    try store.adopt(try fixture.definition(replications: 1))
    let merged = try fixture.store("b")
    try merged.merge(from: store)
    #expect(try merged.zoneLabels() == labels.reversed())
  }
}
