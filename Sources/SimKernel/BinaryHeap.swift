/// A minimal binary min-heap for waiter queues.
///
/// Not stable by itself: elements carry their own sequence number as the
/// final tie-breaker, so equal priorities stay first come, first served.
/// Each operation works on the array's buffer once (one uniqueness check,
/// not one per swap) and moves a hole down or up instead of swapping.
struct BinaryHeap<Element: Comparable> {
  private(set) var storage: [Element] = []

  var isEmpty: Bool { storage.isEmpty }
  var count: Int { storage.count }

  /// - Complexity: O(log n).
  mutating func insert(_ element: Element) {
    storage.append(element)
    storage.withUnsafeMutableBufferPointer { heap in
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard element < heap[parent] else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = element
    }
  }

  /// - Complexity: O(log n).
  mutating func popMin() -> Element? {
    guard let last = storage.popLast() else { return nil }
    guard !storage.isEmpty else { return last }
    return storage.withUnsafeMutableBufferPointer { heap in
      let top = heap[0]
      let count = heap.count
      var parent = 0
      while true {
        let left = 2 * parent + 1
        if left >= count { break }
        var best = left
        if left + 1 < count, heap[left + 1] < heap[left] { best = left + 1 }
        guard heap[best] < last else { break }
        heap[parent] = heap[best]
        parent = best
      }
      heap[parent] = last
      return top
    }
  }
}
