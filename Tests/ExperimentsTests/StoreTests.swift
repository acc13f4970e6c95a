import Experiments
import Foundation
import Testing

/// The SQLite store: round trips, the unique key, definitions, shards and
/// merging.
@Suite struct StoreTests {
  func record(_ point: Int, _ replication: Int, value: Double = 1.5) -> RunRecord {
    RunRecord(
      key: RunKey(point: point, replication: replication), seed: UInt64.max - 3,
      params: #"{"delay":30,"teams":2}"#, status: point == 1 ? "failed" : "complete",
      error: point == 1 ? "x.lua:3: boom\nstack traceback:\n  x.lua:3" : nil,
      simEndSeconds: 3600.25, events: 17, wallSeconds: 0.125,
      metrics: [Metric(name: "b.nan", value: .nan), Metric(name: "a.value", value: value)],
      objectives: [
        RunRecord.Objective(name: "z", target: "t", value: nil, rating: "U", pass: false),
        RunRecord.Objective(
          name: "fast", target: "under 600 s", value: 12, rating: "P", pass: true),
      ])
  }

  @Test func recordsRoundTripExactly() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let store = try fixture.store("s")
    let written = [record(0, 1), record(1, 0), record(0, 0, value: 1e-300)]
    for r in written { try store.insert(r) }
    let read = try store.records()
    #expect(read.map(\.key) == written.map(\.key).sorted())
    for r in read {
      let original = try #require(written.first { $0.key == r.key })
      #expect(r == original)
      #expect(r.metrics.map(\.name) == ["a.value", "b.nan"])
      #expect(r.objectives.map(\.name) == ["fast", "z"])
    }
    // Reopened from disk, the same.
    let reopened = try SweepStore(folder: store.folder, create: false)
    #expect(try reopened.records() == read)
  }

  @Test func aRunIsNeverStoredTwice() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let store = try fixture.store("s")
    try store.insert(record(2, 3))
    #expect(throws: ExperimentsError.self) { try store.insert(record(2, 3, value: 9)) }
    #expect(try store.count() == 1)
    #expect(try store.records().first?.metric("a.value") == 1.5)
  }

  @Test func definitionRoundTripsAndAnotherIsRefused() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition()
    let store = try fixture.store("s")
    #expect(try store.definition() == nil)
    try store.adopt(definition)
    try store.adopt(definition)
    #expect(try store.definition() == definition)
    var other = definition
    other.replications = 5
    #expect(throws: ExperimentsError.self) { try store.adopt(other) }
    #expect(throws: ExperimentsError.self) {
      try SweepStore(folder: fixture.folder.appendingPathComponent("none"), create: false)
    }
  }

  @Test(arguments: [(24, 3), (24, 4), (7, 2), (5, 8)])
  func shardsCoverTheRunListOnce(runs: Int, shards: Int) throws {
    var all: [RunKey] = []
    for k in 1...shards {
      all += try Shard(index: k, count: shards).runs(points: runs, replications: 3)
    }
    #expect(all.count == runs * 3)
    #expect(all.sorted() == Shard.all.runs(points: runs, replications: 3))
    #expect(throws: ExperimentsError.self) { try Shard(parsing: "0/3") }
    #expect(throws: ExperimentsError.self) { try Shard(parsing: "4/3") }
    #expect(try Shard(parsing: "2/3") == Shard(index: 2, count: 3))
  }

  @Test func threeShardsMergedEqualTheWholeSweep() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let definition = try fixture.definition()
    let whole = try fixture.store("whole")
    try fixture.run(definition, into: whole)
    let merged = try fixture.store("merged")
    for k in 1...3 {
      let shard = try fixture.store("shard-\(k)")
      let progress = try fixture.run(definition, into: shard, shard: try Shard(index: k, count: 3))
      #expect(progress.done == 8)
      #expect(try merged.merge(from: shard) == SweepStore.MergeCount(added: 8, duplicates: 0))
    }
    #expect(try merged.definition() == definition)
    #expect(try merged.records().sameResults(as: try whole.records()))
    // Merging again adds nothing; identical duplicates are fine.
    #expect(try merged.merge(from: whole) == SweepStore.MergeCount(added: 0, duplicates: 24))
  }

  @Test func mergeRefusesAnotherSweepAndConflictingResults() throws {
    let fixture = try SweepFixture()
    defer { fixture.remove() }
    let a = try fixture.store("a")
    try fixture.run(try fixture.definition(replications: 1), into: a)
    let b = try fixture.store("b")
    try fixture.run(try fixture.definition(replications: 2), into: b)
    #expect(throws: ExperimentsError.self) { try a.merge(from: b) }
    #expect(try a.count() == 6)
    // Same definition, one run with another result.
    let c = try fixture.store("c")
    try c.adopt(try fixture.definition(replications: 1))
    try c.insert(record(0, 0, value: 99))
    let error = #expect(throws: ExperimentsError.self) { try a.merge(from: c) }
    #expect(error?.isInvalidInput == true)
    #expect(error?.message.contains("point 0 replication 0") == true)
    #expect(try a.count() == 6)
  }
}
