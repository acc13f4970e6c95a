/// Which run of a sweep: a design point and a replication, both from 0.
///
/// The store's unique key, and the unit of sharding.
public struct RunKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let point: Int
  public let replication: Int

  public init(point: Int, replication: Int) {
    self.point = point
    self.replication = replication
  }

  public static func < (a: RunKey, b: RunKey) -> Bool {
    (a.point, a.replication) < (b.point, b.replication)
  }

  public var description: String { "point \(point) replication \(replication)" }
}

/// A deterministic slice of a run list: shard `index` of `count`, from 1.
///
/// Run number i of the list (point-major: point p, replication r of R is
/// p * R + r) belongs to shard (i mod count) + 1, so the shards are about
/// equal in size and each holds every point's replications spread evenly.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  public init(index: Int, count: Int) throws(ExperimentsError) {
    guard count >= 1, index >= 1, index <= count else {
      throw ExperimentsError("--shard", "expected K/N with 1 <= K <= N, got \(index)/\(count)")
    }
    self.index = index
    self.count = count
  }

  /// Parses "K/N".
  public init(parsing text: String) throws(ExperimentsError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
      throw ExperimentsError("--shard", "expected K/N (for example 2/4), got '\(text)'")
    }
    try self.init(index: k, count: n)
  }

  /// The whole list.
  public static let all = Shard(unchecked: 1, 1)

  private init(unchecked index: Int, _ count: Int) {
    self.index = index
    self.count = count
  }

  /// The runs of `points` x `replications` that belong to this shard, in
  /// list order.
  public func runs(points: Int, replications: Int) -> [RunKey] {
    var keys: [RunKey] = []
    for point in 0..<points {
      for replication in 0..<replications
      where (point * replications + replication) % count == index - 1 {
        keys.append(RunKey(point: point, replication: replication))
      }
    }
    return keys
  }

  public var description: String { "\(index)/\(count)" }
}
