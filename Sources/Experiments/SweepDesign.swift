/// How a sweep picks its design points from the factors.
///
/// Every design is a pure function of the factors, the sample count, the
/// level count and the sweep seed, so shards on different machines agree
/// on the points without talking to each other.
public enum SweepDesign: String, Codable, CaseIterable, Sendable {
  /// Every combination of every factor's levels (the last factor varies
  /// fastest).
  case grid
  /// `samples` points, each factor drawn uniformly and independently.
  case random
  /// Latin hypercube: `samples` points, each factor's range cut into
  /// `samples` strata with exactly one point in each (McKay et al. 1979).
  case lhs
  /// One at a time: the baseline (every default), then each factor moved
  /// alone through its other levels.
  case oat

  /// The design's points, each a level per factor in factor order.
  ///
  /// - Parameters:
  ///   - factors: the varied parameters, in a fixed order.
  ///   - samples: points for random and LHS designs.
  ///   - levels: levels per range factor for grid and OAT designs.
  ///   - seed: the sweep seed (random and LHS designs).
  /// - Returns: one array of levels per point, in design order.
  public func points(factors: [Factor], samples: Int, levels: Int, seed: UInt64)
    -> [[ParameterLevel]]
  {
    switch self {
    case .grid: return Self.grid(factors.map { $0.levels(count: levels) })
    case .random: return Self.random(factors, samples: samples, seed: seed)
    case .lhs: return Self.latinHypercube(factors, samples: samples, seed: seed)
    case .oat: return Self.oneAtATime(factors, levels: levels)
    }
  }

  /// Whether the design takes its point count from `--samples`.
  public var usesSamples: Bool { self == .random || self == .lhs }

  static func grid(_ levels: [[ParameterLevel]]) -> [[ParameterLevel]] {
    var points: [[ParameterLevel]] = [[]]
    for factorLevels in levels {
      points = points.flatMap { prefix in factorLevels.map { prefix + [$0] } }
    }
    return points
  }

  /// A generator for the design's own draws, apart from the run seeds.
  static func generator(_ seed: UInt64, _ purpose: UInt64) -> SplitMix64 {
    SplitMix64(seed: SplitMix64.mix(seed ^ purpose))
  }

  static func random(_ factors: [Factor], samples: Int, seed: UInt64) -> [[ParameterLevel]] {
    var rng = generator(seed, 0x5241_4e44)  // "RAND"
    return (0..<samples).map { _ in factors.map { $0.level(quantile: rng.unit()) } }
  }

  static func latinHypercube(_ factors: [Factor], samples: Int, seed: UInt64)
    -> [[ParameterLevel]]
  {
    var rng = generator(seed, 0x4c48_53)  // "LHS"
    var columns: [[ParameterLevel]] = []
    for factor in factors {
      // One draw inside each stratum, then a Fisher-Yates shuffle of the strata.
      var column = (0..<samples).map { stratum in
        factor.level(quantile: (Double(stratum) + rng.unit()) / Double(samples))
      }
      for i in stride(from: samples - 1, to: 0, by: -1) {
        column.swapAt(i, rng.below(i + 1))
      }
      columns.append(column)
    }
    return (0..<samples).map { point in columns.map { $0[point] } }
  }

  static func oneAtATime(_ factors: [Factor], levels: Int) -> [[ParameterLevel]] {
    let baseline = factors.map(\.baseline)
    var points = [baseline]
    for (index, factor) in factors.enumerated() {
      for level in factor.levels(count: levels) where level != factor.baseline {
        var point = baseline
        point[index] = level
        if !points.contains(point) { points.append(point) }
      }
    }
    return points
  }
}
