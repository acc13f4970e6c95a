import Foundation
import Testing

/// A sweep through a real single-node Slurm cluster: four array tasks run
/// one shard each, a dependent job merges them, and the merged store
/// equals the same sweep run locally.
///
/// Needs a running cluster: `scripts/slurm/setup-local` (root; it installs
/// the Debian packages when missing) starts one, and `scripts/test` does so
/// when CI=true or DRILLSIM_SLURM=1. Without a cluster the test is skipped,
/// unless DRILLSIM_SLURM=1 asked for one.
@Suite(.serialized) struct SlurmSweepTests {
  static let asked = ProcessInfo.processInfo.environment["DRILLSIM_SLURM"] == "1"

  /// True when `scontrol ping` reaches a controller.
  static var clusterIsUp: Bool {
    guard
      let result = try? CommandLine.run(
        ["scontrol", "ping"], executable: URL(fileURLWithPath: "/usr/bin/env"))
    else { return false }
    return result.status == 0 && result.stdout.contains("UP")
  }

  @Test(
    .enabled(
      if: asked || clusterIsUp,
      "no Slurm cluster: run scripts/slurm/setup-local as root, or DRILLSIM_SLURM=1 scripts/test"))
  func fourShardsMergedBySlurmEqualTheLocalSweep() throws {
    #expect(Self.clusterIsUp, "DRILLSIM_SLURM=1 asked for Slurm, but scontrol ping fails")
    guard Self.clusterIsUp else { return }
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let local = folder.appendingPathComponent("local")
    _ = try SweepCommandTests.sweep(local, ["--jobs", "2"])
    let cluster = folder.appendingPathComponent("cluster")
    let submit = CommandLine.repository.appendingPathComponent("scripts/slurm/submit")
    let result = try CommandLine.run(
      ["--shards", "4", "--wait", "--out", cluster.path, "--", SweepCommandTests.scenario]
        + SweepCommandTests.grid,
      executable: submit, environment: ["DRILLSIM_BIN": CommandLine.binary.path])
    #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stdout.contains("merged: "))
    for k in 1...4 {
      let shard = cluster.appendingPathComponent("shards/\(k)")
      #expect(try SweepCommandTests.storedRuns(shard) == 6, "shard \(k)")
    }
    #expect(try SweepCommandTests.storedRuns(cluster) == 24)
    #expect(try SweepCommandTests.export(cluster) == (try SweepCommandTests.export(local)))
  }

  @Test(
    .enabled(
      if: asked || clusterIsUp,
      "no Slurm cluster: run scripts/slurm/setup-local as root, or DRILLSIM_SLURM=1 scripts/test"))
  func aFailedShardCancelsTheMerge() throws {
    guard Self.clusterIsUp else { return }
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cluster = folder.appendingPathComponent("cluster")
    let submit = CommandLine.repository.appendingPathComponent("scripts/slurm/submit")
    // An option the sweep refuses: every shard exits 2, the merge never runs.
    let result = try CommandLine.run(
      ["--shards", "2", "--wait", "--out", cluster.path, "--", SweepCommandTests.scenario]
        + SweepCommandTests.grid + ["--param", "delay=999"],
      executable: submit, environment: ["DRILLSIM_BIN": CommandLine.binary.path])
    #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("the merge did not finish"))
    #expect(
      !FileManager.default.fileExists(atPath: cluster.appendingPathComponent("merged.ok").path))
  }
}
