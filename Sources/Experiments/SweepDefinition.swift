import Foundation

/// Everything that decides what run (point, replication) of a sweep means:
/// the scenario (its name and a digest of its text), the factors and the
/// design, the pinned parameters, the replications, the seed and the limits.
///
/// Stored in the sweep's database on first use. Resuming, sharding and
/// merging all compare definitions and refuse a store made by another one,
/// so one store never mixes runs of two different sweeps. How many jobs run
/// it, which shard runs where and the sequential-precision target are not
/// part of it: they change who runs what, never what a run computes.
public struct SweepDefinition: Codable, Equatable, Sendable {
  /// The scenario's declared name.
  public var scenario: String
  /// FNV-1a 64 of the scenario file's bytes, hexadecimal.
  public var scenarioDigest: String
  public var design: SweepDesign
  /// Points for random and LHS designs.
  public var samples: Int
  /// Levels per range factor for grid and OAT designs.
  public var levels: Int
  /// Replications per point (sequential precision may add more).
  public var replications: Int
  /// The sweep seed: design sampling and every run seed derive from it.
  public var seed: UInt64
  /// `--param` pins, sorted by name; applied to every run.
  public var pinned: [Setting]
  /// The varied parameters, in declaration order.
  public var factors: [Factor]
  /// The Lua instruction budget and memory cap of each run.
  public var maxInstructions: Int64
  public var maxMemoryMb: Int

  public init(
    scenario: String, scenarioDigest: String, design: SweepDesign, samples: Int, levels: Int,
    replications: Int, seed: UInt64, pinned: [Setting], factors: [Factor],
    maxInstructions: Int64, maxMemoryMb: Int
  ) {
    self.scenario = scenario
    self.scenarioDigest = scenarioDigest
    self.design = design
    self.samples = samples
    self.levels = levels
    self.replications = replications
    self.seed = seed
    self.pinned = pinned.sorted { $0.name < $1.name }
    self.factors = factors
    self.maxInstructions = maxInstructions
    self.maxMemoryMb = maxMemoryMb
  }

  /// The design points, numbered from 0 in design order.
  public func points() -> [DesignPoint] {
    design.points(factors: factors, samples: samples, levels: levels, seed: seed)
      .enumerated().map { index, levels in
        DesignPoint(
          index: index,
          settings: zip(factors, levels).map { Setting(name: $0.name, level: $1) })
      }
  }

  /// The seed of replication `replication` at every point: derived from the
  /// sweep seed and the replication only, never from the point, so the
  /// points of one replication share their random streams (common random
  /// numbers) and their differences are paired.
  public func runSeed(replication: Int) -> UInt64 {
    SplitMix64.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(replication + 1))
  }

  /// The `--param` overrides of a run at `point`: pins, then the point's levels.
  public func overrides(at point: DesignPoint) -> [(name: String, text: String)] {
    (pinned + point.settings).map { ($0.name, $0.level.text) }
  }

  /// The definition as canonical JSON (sorted keys), as the store keeps it.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// Reads a definition written by `json()`.
  public static func decode(_ text: String) throws -> SweepDefinition {
    try JSONDecoder().decode(SweepDefinition.self, from: Data(text.utf8))
  }

  /// FNV-1a 64 of `data`, hexadecimal: the scenario digest.
  public static func digest(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// What differs from `other`, in words, for the refusal message.
  public func differences(from other: SweepDefinition) -> [String] {
    var out: [String] = []
    func compare<T: Equatable>(_ name: String, _ a: T, _ b: T) {
      if a != b { out.append("\(name): stored \(b), given \(a)") }
    }
    compare("scenario", scenario, other.scenario)
    compare("scenario digest", scenarioDigest, other.scenarioDigest)
    compare("design", design.rawValue, other.design.rawValue)
    compare("samples", samples, other.samples)
    compare("levels", levels, other.levels)
    compare("replications", replications, other.replications)
    compare("seed", seed, other.seed)
    if pinned != other.pinned { out.append("pinned parameters (--param)") }
    if factors != other.factors { out.append("varied parameters or their ranges (--vary)") }
    compare("max instructions", maxInstructions, other.maxInstructions)
    compare("max memory", maxMemoryMb, other.maxMemoryMb)
    return out
  }
}

/// One point of a design: a level for every factor.
public struct DesignPoint: Hashable, Sendable {
  /// The point's number, from 0, in design order.
  public let index: Int
  public let settings: [Setting]

  public init(index: Int, settings: [Setting]) {
    self.index = index
    self.settings = settings
  }
}
