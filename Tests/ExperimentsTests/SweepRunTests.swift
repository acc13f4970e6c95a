import Experiments
import Foundation
import Testing

/// Running sweeps: the run count, resuming, parallel jobs, common random
/// numbers, failures and sequential replications.
@Suite struct SweepRunTests {
  @Test func twoParametersThreeLevelsFourReplicationsMake24RunsOnce() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition()
    #expect(definition.factors.map(\.name) == ["teams", "delay"])
    #expect(definition.points().count == 6)
    let store = try fixture.store("a")
    let first = try fixture.run(definition, into: store)
    #expect(first.done == 24)
    #expect(first.failed == 0)
    #expect(try store.count() == 24)
    let again = try fixture.run(definition, into: store)
    #expect(again.done == 0)
    #expect(again.skipped == 24)
    #expect(try store.count() == 24)
  }

  @Test func oneJobAndTwoJobsGiveTheSameStore() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition()
    let one = try fixture.store("one")
    let two = try fixture.store("two")
    try fixture.run(definition, into: one, jobs: 1)
    try fixture.run(definition, into: two, jobs: 2)
    let a = try one.records()
    let b = try two.records()
    #expect(a.count == 24)
    #expect(a.sameResults(as: b))
    #expect(
      RunTable.csv(definition: definition, records: a).count > 0
        && a.map(\.metrics) == b.map(\.metrics))
  }

  @Test func replicationsShareSeedsAcrossPoints() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition()
    let store = try fixture.store("crn")
    try fixture.run(definition, into: store)
    let records = try store.records()
    for replication in 0..<4 {
      let seeds = Set(records.filter { $0.key.replication == replication }.map(\.seed))
      #expect(seeds.count == 1)
      #expect(seeds.first == definition.runSeed(replication: replication))
    }
    #expect(Set(records.map(\.seed)).count == 4)
    // Same draws at every point: at equal teams, response differs by the delay only.
    let analysis = SweepAnalysis(definition: definition, records: records)
    let differences = analysis.pairedDifferences("response_s", baseline: 0)
    #expect(abs(differences[1].mean - 30) < 1e-9)
    #expect(differences[1].sd < 1e-9)
  }

  @Test func aFailingRunIsRecordedAndTheSweepGoesOn() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition(replications: 2, pins: [("fail_at", "60")])
    let store = try fixture.store("failing")
    let progress = try fixture.run(definition, into: store)
    #expect(progress.done == 12)
    #expect(progress.failed == 4)
    let failed = try store.records().filter { $0.status == "failed" }
    #expect(failed.map(\.key.point) == [2, 2, 5, 5])
    #expect(failed.allSatisfy { $0.error?.contains("failing on purpose at delay 60") == true })
    #expect(try store.count() == 12)
  }

  @Test func aDifferentSweepOnTheSameStoreIsRefused() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let store = try fixture.store("a")
    try fixture.run(try fixture.definition(replications: 1), into: store)
    let other = try fixture.definition(replications: 1, seed: 2)
    let error = #expect(throws: ExperimentsError.self) { try fixture.run(other, into: store) }
    #expect(error?.isInvalidInput == true)
    #expect(error?.message.contains("seed") == true)
  }

  @Test func sequentialReplicationsNarrowTheInterval() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition(replications: 3)
    let store = try fixture.store("precise")
    let target = try PrecisionTarget(parsing: "response_s:60", maxReplications: 40)
    try fixture.run(definition, into: store, precision: target)
    let analysis = SweepAnalysis(definition: definition, records: try store.records())
    let summaries = analysis.summaries("response_s")
    for summary in summaries {
      #expect(summary.count <= 40)
      #expect(summary.count == 40 || (summary.halfWidth ?? .infinity) <= 60)
    }
    #expect(summaries.contains { $0.count > 3 })
    // Replications stay contiguous, and a rerun adds nothing.
    for point in analysis.points {
      let replications = try store.recordedKeys().filter { $0.point == point.index }.map(
        \.replication)
      #expect(replications == Array(0..<replications.count))
    }
    let count = try store.count()
    try fixture.run(definition, into: store, precision: target)
    #expect(try store.count() == count)
  }
}
