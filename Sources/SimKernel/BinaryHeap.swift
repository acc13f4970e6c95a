/// A minimal binary min-heap for waiter queues.
///
/// Not stable by itself: elements carry their own sequence number as the
/// final tie-breaker, so equal priorities stay first come, first served.
struct BinaryHeap<Element: Comparable> {
  private(set) var storage: [Element] = []

  var isEmpty: Bool { storage.isEmpty }
  var count: Int { storage.count }

  /// - Complexity: O(log n).
  mutating func insert(_ element: Element) {
    storage.append(element)
    var child = storage.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard storage[child] < storage[parent] else { break }
      storage.swapAt(child, parent)
      child = parent
    }
  }

  /// - Complexity: O(log n).
  mutating func popMin() -> Element? {
    guard !storage.isEmpty else { return nil }
    storage.swapAt(0, storage.count - 1)
    let top = storage.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      if left >= storage.count { break }
      var best = left
      if left + 1 < storage.count, storage[left + 1] < storage[left] { best = left + 1 }
      guard storage[best] < storage[parent] else { break }
      storage.swapAt(best, parent)
      parent = best
    }
    return top
  }
}
