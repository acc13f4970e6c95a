import Foundation
import Testing

/// `drillsim drill compare` on the shipped drill log: percentiles checked
/// against the runs themselves (the sweep's CSV export, a run's
/// summary.json), the after-action report's files, and refusals.
@Suite struct DrillCompareTests {
  static let log = "scenarios/data/drill-2026.csv"
  /// Every parameter of the default scenario pinned at its default: one point.
  static let pins = [
    "warning_delay=300", "peak_inflow=150", "ack_deadline=900", "shadow_share=0.02",
    "compliance=1", "valley_floor_m=333", "impaired_per_village=2",
  ].flatMap { ["--param", $0] }

  /// The mid-rank percentile, worked out here rather than trusted.
  static func percentile(_ x: Double, in values: [Double]) -> Double {
    let below = values.filter { $0 < x }.count
    let equal = values.filter { $0 == x }.count
    return (Double(below) + 0.5 * Double(equal)) / Double(values.count) * 100
  }

  /// The comparison's JSON printed by `--json`.
  static func compare(_ target: URL, out: URL) throws -> [String: Any] {
    let result = try CommandLine.run(
      ["drill", "compare", target.path, "--log", log, "--out", out.path, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return json as? [String: Any] ?? [:]
  }

  static func observations(_ json: [String: Any]) -> [[String: Any]] {
    json["observations"] as? [[String: Any]] ?? []
  }

  /// A JSON number as the Double its text names.
  ///
  /// JSONSerialization hands long decimals over as NSDecimalNumber, whose
  /// `doubleValue` can be an ulp off (16227.723000000002 came back as
  /// ...004); its text is exact.
  static func number(_ value: Any?) -> Double? {
    if let decimal = value as? NSDecimalNumber { return Double(decimal.description) }
    return (value as? NSNumber)?.doubleValue
  }

  /// Checks the outputs every comparison writes.
  static func expectReportFiles(in out: URL, observations: Int) throws {
    let markdown = try String(contentsOf: out.appendingPathComponent("aar.md"), encoding: .utf8)
    #expect(markdown.contains("## Strengths"))
    #expect(markdown.contains("## Areas for improvement"))
    #expect(markdown.contains("## Objectives scorecard"))
    #expect(markdown.contains("| area for improvement | corrective action |"))
    let html = try String(contentsOf: out.appendingPathComponent("aar.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    #expect(html.contains("<svg"))
    let csv = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == observations + 1)
  }

  @Test func sweepPercentilesEqualThoseOfTheStoredReplications() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = folder.appendingPathComponent("plan")
    let run = try CommandLine.run(
      ["sweep", "scenarios/default.lua", "--design", "grid", "--replications", "5", "--jobs", "2"]
        + Self.pins + ["--out", sweep.path])
    #expect(run.status == 0, "\(run.stderr)")
    // The store's metrics, one row per replication, through the CSV export.
    let export = try CommandLine.run(["sweep", "export", sweep.path, "--csv", "-"])
    #expect(export.status == 0, "\(export.stderr)")
    let lines = export.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(lines.first)
    let rows = lines.dropFirst()
    #expect(rows.count == 5)
    func values(_ metric: String) -> [Double] {
      guard let column = header.firstIndex(of: metric) else { return [] }
      return rows.compactMap { Double($0[column]) }
    }

    let out = folder.appendingPathComponent("aar")
    let json = try Self.compare(sweep, out: out)
    #expect(json["source"] as? String == "sweep")
    #expect(Self.number(json["point"]) == 0)
    #expect((json["selection"] as? String)?.contains("5 completed replications") == true)
    let observations = Self.observations(json)
    #expect(observations.count == 18)  // 20 rows, 2 anchors
    var placed = 0
    for o in observations {
      guard let metric = o["metric"] as? String, let percentile = Self.number(o["percentile"])
      else { continue }
      let simulated = values(metric)
      let observed = try #require(Self.number(o["observed"]))
      #expect(Self.number(o["n"]) == Double(simulated.count), "\(metric)")
      #expect(percentile == Self.percentile(observed, in: simulated), "\(metric)")
      let flag = o["flag"] as? String
      #expect(
        flag == (percentile < 10 ? "much_lower" : percentile > 90 ? "much_higher" : "expected"))
      let sorted = simulated.sorted()
      if let median = Self.number(o["median"]), sorted.count == 5 {
        #expect(median == sorted[2], "\(metric)")
      }
      placed += 1
    }
    #expect(placed >= 12)
    // The log's clock: @04:05:00 is 2 h after the order at @02:05:00; the
    // Unterwaiz grid answered 25 min after the warning.
    let altenplosT90 = observations.first {
      $0["event"] as? String == "zone_t90" && $0["zone"] as? String == "z355533051"
    }
    #expect(Self.number(altenplosT90?["observed"]) == 7200)
    #expect(altenplosT90?["metric"] as? String == "evacuation.z355533051.t90_s")
    let unterwaiz = observations.first { $0["zone"] as? String == "g-z305529152" }
    #expect(Self.number(unterwaiz?["observed"]) == 1500)
    let order = observations.first { $0["event"] as? String == "evacuation_order" }
    #expect(Self.number(order?["observed"]) == 300)
    #expect(Self.number(order?["percentile"]) == 50)
    // The township's first report: the default scenario files it 15 min
    // after the order in every replication, so it is placed among them.
    let report = observations.first { $0["event"] as? String == "first_report" }
    #expect(report?["metric"] as? String == "reports.township.first_s")
    #expect(report?["unmatched"] as? String == nil)
    #expect(Self.number(report?["percentile"]) != nil)
    // No counterpart (the cut grid never answers): listed with the reason,
    // not dropped.
    let cutGrid = observations.first {
      $0["zone"] as? String == "g-z355533051" && $0["event"] as? String == "grid_acknowledged"
    }
    #expect(
      (cutGrid?["unmatched"] as? String)?.contains("did not happen in the simulation") == true)
    try Self.expectReportFiles(in: out, observations: observations.count)
  }

  @Test func aSingleRunIsADistributionOfOneValue() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: run.file("summary.json")))
    let metrics = (summary as? [String: Any])?["metrics"] as? [String: Any] ?? [:]
    let result = try CommandLine.run(["drill", "compare", run.folder.path, "--log", Self.log])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("one run (seed 1"))
    #expect(result.stdout.contains("much slower than planned"))
    let out = run.folder.appendingPathComponent("aar")
    let json = try Self.compare(run.folder, out: out)
    #expect(json["source"] as? String == "run")
    var placed = 0
    for o in Self.observations(json) {
      guard let metric = o["metric"] as? String, let percentile = Self.number(o["percentile"])
      else { continue }
      let value = try #require(Self.number(metrics[metric]), "\(metric)")
      let observed = try #require(Self.number(o["observed"]))
      #expect(percentile == (observed < value ? 0 : observed == value ? 50 : 100), "\(metric)")
      #expect(Self.number(o["median"]) == value)
      placed += 1
    }
    #expect(placed >= 12)
    try Self.expectReportFiles(in: out, observations: Self.observations(json).count)
    let markdown = try String(contentsOf: out.appendingPathComponent("aar.md"), encoding: .utf8)
    #expect(markdown.contains("simulated event T+"))
  }

  @Test func aBadLogRowExits2NamingFileAndLine() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.csv")
    try Data("event,time,zone,value\nzone_t50,10:00,z1,\nzone_t90,10:99,z1,\n".utf8).write(to: bad)
    let result = try CommandLine.run(["drill", "compare", folder.path, "--log", bad.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.csv:3"), "\(result.stderr)")
    #expect(result.stderr.contains("bad time '10:99'"))
    let noRun = try CommandLine.run(["drill", "compare", folder.path, "--log", Self.log])
    #expect(noRun.status == 2)
    #expect(noRun.stderr.contains("neither a run's results folder"))
    let thresholds = try CommandLine.run(
      ["drill", "compare", folder.path, "--log", Self.log, "--low-percentile", "95"])
    #expect(thresholds.status == 2)
  }
}
