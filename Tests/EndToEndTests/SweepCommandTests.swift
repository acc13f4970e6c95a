import Foundation
import Testing

/// `drillsim sweep` as a user runs it: run counts, resuming, jobs, shards
/// and merge, refusals, status and report.
@Suite struct SweepCommandTests {
  static let scenario = CommandLine.fixture("sweep-small.lua")
  /// 2 teams values x 3 delay levels x 4 replications = 24 runs.
  static let grid = ["--design", "grid", "--levels", "3", "--replications", "4"]

  /// Runs a sweep into `folder` and expects success.
  static func sweep(_ folder: URL, _ extra: [String] = []) throws -> CommandLine.Result {
    let result = try CommandLine.run(["sweep", scenario] + grid + ["--out", folder.path] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return result
  }

  /// The store's runs as CSV without the wall-time column, which is the
  /// only thing allowed to differ between equal sweeps.
  static func export(_ folder: URL) throws -> String {
    let result = try CommandLine.run(["sweep", "export", folder.path, "--csv", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    guard let header = lines.first?.split(separator: ",").map(String.init),
      let wall = header.firstIndex(of: "wall_s")
    else {
      Issue.record("no wall_s column in the export: \(result.stdout.prefix(200))")
      return result.stdout
    }
    return lines.map { line in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false)
      if fields.count > wall { fields.remove(at: wall) }
      return fields.joined(separator: ",")
    }.joined(separator: "\n")
  }

  /// The number after "stored: " in `sweep status`.
  static func storedRuns(_ folder: URL) throws -> Int {
    let result = try CommandLine.run(["sweep", "status", folder.path])
    guard result.status == 0, let range = result.stdout.range(of: "stored: ") else { return -1 }
    return Int(result.stdout[range.upperBound...].prefix { $0.isNumber }) ?? -1
  }

  @Test func gridOf24RunsRerunAddsNoneAndJobsDoNotMatter() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = folder.appendingPathComponent("one")
    let two = folder.appendingPathComponent("two")
    let first = try Self.sweep(one, ["--jobs", "1"])
    #expect(first.stdout.contains("sweep: 24 runs done (0 failed)"))
    #expect(try Self.storedRuns(one) == 24)
    let again = try Self.sweep(one, ["--jobs", "2"])
    #expect(again.stdout.contains("sweep: 0 runs done (0 failed), 24 already stored"))
    #expect(try Self.storedRuns(one) == 24)
    _ = try Self.sweep(two, ["--jobs", "2"])
    let a = try Self.export(one)
    #expect(a.split(separator: "\n").count == 25)
    #expect(a == (try Self.export(two)))
  }

  @Test func anotherSweepOnTheSameFolderExits2() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.sweep(folder, ["--jobs", "2"])
    let result = try CommandLine.run(
      ["sweep", Self.scenario] + Self.grid + ["--out", folder.path, "--seed", "9"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("holds another sweep"))
    #expect(result.stderr.contains("seed"))
    #expect(try Self.storedRuns(folder) == 24)
  }

  @Test func threeShardsMergedEqualTheUnshardedSweep() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let whole = folder.appendingPathComponent("whole")
    _ = try Self.sweep(whole, ["--jobs", "2"])
    var shards: [String] = []
    for k in 1...3 {
      let shard = folder.appendingPathComponent("shard-\(k)")
      let result = try Self.sweep(shard, ["--shard", "\(k)/3", "--jobs", "1"])
      #expect(result.stdout.contains("sweep: 8 runs done"))
      shards.append(shard.path)
    }
    let merged = folder.appendingPathComponent("merged")
    let result = try CommandLine.run(["sweep", "merge"] + shards + ["--out", merged.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("merged: 24 runs"))
    #expect(try Self.export(merged) == (try Self.export(whole)))
    // Merging the whole sweep in again: identical duplicates are fine.
    let again = try CommandLine.run(["sweep", "merge", merged.path, whole.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("0 runs added, 24 already held"))
  }

  @Test func mergingDifferentSweepsExits2() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("a")
    let b = folder.appendingPathComponent("b")
    _ = try Self.sweep(a, ["--jobs", "2"])
    _ = try Self.sweep(b, ["--jobs", "2", "--seed", "2"])
    let result = try CommandLine.run(["sweep", "merge", a.path, b.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("another sweep"))
    #expect(try Self.storedRuns(a) == 24)
    let into = folder.appendingPathComponent("into")
    let both = try CommandLine.run(["sweep", "merge", a.path, b.path, "--out", into.path])
    #expect(both.status == 2)
  }

  @Test func badOptionsExit2() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("s").path
    for extra in [
      ["--design", "lhs"], ["--vary", "nothing=1:2"], ["--vary", "delay=9:1"],
      ["--param", "delay=500"], ["--shard", "4/3"], ["--design", "sobol"],
      ["--replications", "0"],
    ] {
      let result = try CommandLine.run(["sweep", Self.scenario, "--out", out] + extra)
      #expect(result.status == 2, "\(extra): \(result.stderr)")
    }
    let missing = try CommandLine.run(["sweep", "status", folder.appendingPathComponent("no").path])
    #expect(missing.status == 2)
  }

  @Test func statusAndReportShowIntervalsPairsAndSensitivities() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.sweep(folder, ["--jobs", "2", "--vary", "delay=0:40"])
    let status = try CommandLine.run(["sweep", "status", folder.path])
    #expect(status.stdout.contains("design grid: 6 points x 4 replications = 24 runs"))
    #expect(status.stdout.contains("varies delay: 0 to 40 (integers), 3 levels"))
    #expect(status.stdout.contains("missing 0 of 24"))
    let report = try CommandLine.run(["sweep", "report", folder.path, "--metric", "response_s"])
    #expect(report.status == 0, "\(report.stderr)")
    // CRN: at equal teams, points differ by the delay exactly, with no spread.
    #expect(report.stdout.contains("+20 ± 0"))
    #expect(report.stdout.contains("sensitivity (SRC"))
    let csv = folder.appendingPathComponent("stats.csv")
    let written = try CommandLine.run(
      ["sweep", "report", folder.path, "--metric", "response_s", "--csv", csv.path])
    #expect(written.status == 0)
    let text = try String(contentsOf: csv, encoding: .utf8)
    #expect(text.hasPrefix("metric,point,teams,delay,n,mean,sd,ci_low,ci_high,diff_n,"))
    #expect(text.split(separator: "\n").count == 7)
  }
}

/// A run that crashes its worker process is stored as failed and the sweep
/// goes on; threads and processes store the same results.
@Suite struct SweepIsolationTests {
  @Test func aCrashingRunIsRecordedAndTheSweepGoesOn() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = folder.appendingPathComponent("reference")
    _ = try SweepCommandTests.sweep(reference, ["--jobs", "2", "--isolation", "thread"])
    let crashed = folder.appendingPathComponent("crashed")
    let result = try CommandLine.run(
      ["sweep", SweepCommandTests.scenario] + SweepCommandTests.grid
        + ["--out", crashed.path, "--jobs", "2"],
      environment: ["DRILLSIM_FAULT_CRASH_RUN": "2:1"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("sweep: 24 runs done (1 failed)"))
    #expect(
      result.stderr.contains("point 2 replication 1 failed: the run crashed its worker process"))
    let status = try CommandLine.run(["sweep", "status", crashed.path])
    #expect(status.stdout.contains("stored: 24 runs (23 complete, 1 failed)"))
    #expect(status.stdout.contains("replay it with: drillsim run"))
    // Every other run is the same as in threads.
    let expected = try SweepCommandTests.export(reference).split(separator: "\n")
    let got = try SweepCommandTests.export(crashed).split(separator: "\n")
    #expect(got.count == expected.count)
    for (a, b) in zip(expected, got) where !b.hasPrefix("2,1,") { #expect(a == b) }
    #expect(got.contains { $0.hasPrefix("2,1,") && $0.contains(",failed,") })
  }
}
