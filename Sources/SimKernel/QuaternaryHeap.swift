/// An array-backed 4-ary min-heap of events.
///
/// A 4-ary heap halves the depth of a binary heap, and its four children
/// share a cache line or two, which makes sift-down cheaper on the event
/// populations simulations have (10^3 to 10^6 pending events).
public struct QuaternaryHeap: EventQueue {
  @usableFromInline var storage: [ScheduledEvent] = []

  public init() { storage.reserveCapacity(1024) }

  @inlinable public var count: Int { storage.count }

  @inlinable public func peekMin() -> ScheduledEvent? { storage.first }

  /// - Complexity: O(log n).
  @inlinable public mutating func insert(_ event: ScheduledEvent) {
    storage.append(event)
    siftUp(storage.count - 1)
  }

  /// - Complexity: O(log n).
  @inlinable public mutating func popMin() -> ScheduledEvent? {
    guard let last = storage.popLast() else { return nil }
    if storage.isEmpty { return last }
    let top = storage[0]
    storage[0] = last
    siftDown(0)
    return top
  }

  @inlinable mutating func siftUp(_ start: Int) {
    storage.withUnsafeMutableBufferPointer { heap in
      var child = start
      let item = heap[child]
      while child > 0 {
        let parent = (child - 1) >> 2
        guard item.key < heap[parent].key else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = item
    }
  }

  @inlinable mutating func siftDown(_ start: Int) {
    storage.withUnsafeMutableBufferPointer { heap in
      let n = heap.count
      var parent = start
      let item = heap[parent]
      while true {
        let first = 4 * parent + 1
        if first >= n { break }
        var best = first
        let end = Swift.min(first + 4, n)
        var c = first + 1
        while c < end {
          if heap[c].key < heap[best].key { best = c }
          c += 1
        }
        guard heap[best].key < item.key else { break }
        heap[parent] = heap[best]
        parent = best
      }
      heap[parent] = item
    }
  }
}
