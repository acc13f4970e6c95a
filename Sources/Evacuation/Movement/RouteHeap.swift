/// A binary min-heap of (cost, node) for the shelter trees' searches.
///
/// Ties go to the lower node index, so a search settles nodes in one order
/// in every process. Storage is kept between searches.
struct RouteHeap {
  private var keys: [Double] = []
  private var nodes: [Int32] = []

  var isEmpty: Bool { keys.isEmpty }

  @inline(__always) private func less(_ i: Int, _ j: Int) -> Bool {
    keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
  }

  mutating func push(_ key: Double, _ node: Int32) {
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

  mutating func pop() -> (key: Double, node: Int32)? {
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
