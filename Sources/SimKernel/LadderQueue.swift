/// A ladder queue (Tang, Goh and Thng 2005): O(1) amortised insert and pop
/// for the event populations simulations have, with exactly the heap's pop
/// order (time, then the order word).
///
/// Events live in three tiers ordered by time: an unsorted *top* for the far
/// future, a *ladder* of rungs of time buckets (each deeper rung subdivides
/// one bucket of the rung above), and a small sorted *bottom* from which
/// pops are taken. An event is appended to top or to a bucket in O(1), moved
/// down at most a few times, and sorted once in a small bucket, instead of
/// sifting through log n heap levels per operation.
///
/// Bucket widths are powers of two milliseconds, so a bucket index is a
/// shift rather than a 64-bit division. Events of one tick always share a
/// bucket, and a bucket is sorted by the full key when it becomes the
/// bottom, so ties are broken by the order word exactly as in the heap.
///
/// Departures from the paper, chosen with `drillsim-bench hold` and perf:
/// buckets are chains of contiguous chunks rather than linked nodes; rung 0
/// has about 16 events per bucket rather than one; and a bucket of at most
/// 64 ticks is counting-sorted by tick on its way to bottom rather than
/// split, its order within a tick then confirmed in one pass.
///
/// A value type with copy-on-write storage; not for concurrent use.
public struct LadderQueue: EventQueue {
  @usableFromInline var storage: LadderStorage

  public init() { storage = LadderStorage() }

  @inlinable public var count: Int { storage.core.pointee.count }

  /// May move events down the ladder (they move lazily, when the minimum
  /// is asked for); copies sharing the storage still hold the same events.
  ///
  /// - Complexity: O(1) amortised.
  @inlinable public func peekMin() -> ScheduledEvent? {
    storage.core.pointee.count > 0 ? storage.core.pointee.minimum : nil
  }

  /// - Complexity: O(1) amortised.
  @inlinable public mutating func insert(_ event: ScheduledEvent) {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    storage.core.pointee.insert(event)
  }

  /// - Complexity: O(1) amortised.
  @inlinable public mutating func popMin() -> ScheduledEvent? {
    guard storage.core.pointee.count > 0 else { return nil }
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage.core.pointee.popMin()
  }
}
