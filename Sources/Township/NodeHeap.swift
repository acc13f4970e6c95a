/// A binary min-heap of (cost, node) for shortest-path searches on the
/// network: the router's open set and the evacuation's shelter trees.
///
/// Ties go to the lower node index, so a search settles nodes in one order
/// in every process. Keys and nodes are kept apart (structure of arrays);
/// `removeAll` keeps the storage for the next search.
public struct NodeHeap: Sendable {
  @usableFromInline var keys: [Double] = []
  @usableFromInline var nodes: [Int32] = []

  public init() {}

  public var isEmpty: Bool { keys.isEmpty }

  @inlinable @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
    keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
  }

  @inlinable public mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    nodes.removeAll(keepingCapacity: true)
  }

  @inlinable public mutating func push(_ key: Double, _ node: Int32) {
    keys.append(key)
    nodes.append(node)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard less(child, parent) else { break }
      keys.swapAt(child, parent)
      nodes.swapAt(child, parent)
      child = parent
    }
  }

  @inlinable public mutating func pop() -> (key: Double, node: Int32)? {
    guard let topKey = keys.first, let topNode = nodes.first else { return nil }
    let lastKey = keys.removeLast()
    let lastNode = nodes.removeLast()
    if !keys.isEmpty {
      keys[0] = lastKey
      nodes[0] = lastNode
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < keys.count else { break }
        var smallest = left
        if left + 1 < keys.count, less(left + 1, left) { smallest = left + 1 }
        guard less(smallest, parent) else { break }
        keys.swapAt(smallest, parent)
        nodes.swapAt(smallest, parent)
        parent = smallest
      }
    }
    return (topKey, topNode)
  }
}
