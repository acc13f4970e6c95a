/// The nodes a team can get to from where it stands, one bit per node.
///
/// Dispatch asks, for every queued incident, whether each capable team can
/// get there at all before it asks how long it takes: a set per team answers
/// the first question for the whole backlog at the cost of one search,
/// where a travel time to a scene the team cannot reach costs a search of
/// everything it can.
public struct ReachableNodes: Sendable, Equatable {
  private var words: [UInt64]
  /// How many nodes the set ranges over (0 to count - 1).
  public let count: Int

  /// A set over `count` nodes with none in it.
  public init(count: Int) {
    self.count = count
    words = [UInt64](repeating: 0, count: (count + 63) / 64)
  }

  /// Whether node `node` is in the set (false for a node out of range).
  public func contains(_ node: Int) -> Bool {
    guard node >= 0, node < count else { return false }
    return words[node >> 6] & (1 << UInt64(node & 63)) != 0
  }

  /// Adds `node`; returns whether it was new.
  @discardableResult
  public mutating func insert(_ node: Int) -> Bool {
    let bit: UInt64 = 1 << UInt64(node & 63)
    guard words[node >> 6] & bit == 0 else { return false }
    words[node >> 6] |= bit
    return true
  }
}
