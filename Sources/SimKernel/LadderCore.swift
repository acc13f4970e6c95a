/// The state of a `LadderQueue`: a node pool for top and bucket lists, the
/// rungs, and the sorted bottom.
///
/// Raw buffers rather than nested arrays because the hot paths touch them
/// once per event: no uniqueness or bounds checks in the inner loops. A
/// struct reached through `LadderStorage`'s pointer, because stored
/// properties of a class pay a dynamic exclusivity check on every access.
/// `LadderStorage` owns the buffers and frees them; indices are kept
/// in range by construction (see the invariants below) and by the tests,
/// which check every pop against a reference sort.
///
/// Invariants, with `last(r)` the last tick rung r's range covers:
/// - every top event is later than `ladderLast`;
/// - every event in rung r's buckets is later than `rungs[r].consumed`, and
///   within rung r's range; rung r + 1 covers exactly the bucket of rung r
///   that was consumed last;
/// - every bottom event is at or before the deepest rung's `consumed`
///   (or `ladderLast` when there is no rung);
/// - bottom is sorted in descending key order and is non-empty whenever
///   `count > 0`, so the minimum is always `bottomLast`.
@usableFromInline struct LadderCore {
  /// A pooled event with the index of the next node in its list, packed
  /// into 32 bytes (two per cache line) since bucket walks chase them.
  @usableFromInline struct Node {
    @usableFromInline var time: Int64
    @usableFromInline var order: UInt64
    @usableFromInline var payload: Int64
    @usableFromInline var handler: UInt32
    @usableFromInline var next: Int32

    @inlinable init(event: ScheduledEvent, next: Int32) {
      time = event.key.time
      order = event.key.order
      payload = event.payload
      handler = event.handler
      self.next = next
    }

    @inlinable var event: ScheduledEvent {
      ScheduledEvent(key: EventKey(time: time, order: order), handler: handler, payload: payload)
    }
  }

  /// One rung: buckets of `1 << shift` ticks from `start`.
  @usableFromInline struct Rung {
    @usableFromInline var start: Int64
    @usableFromInline var shift: UInt64
    @usableFromInline var bucketCount: Int
    /// The first bucket not yet consumed.
    @usableFromInline var current: Int
    /// The last tick of the consumed buckets (`start - 1` before any).
    @usableFromInline var consumed: Int64
    @usableFromInline var heads: UnsafeMutablePointer<Int32>
    @usableFromInline var headCapacity: Int
  }

  /// Buckets at most this full are sorted into bottom; fuller ones are
  /// split into a new rung (Tang et al. use 50).
  @usableFromInline static let threshold = 48
  @usableFromInline static let maxRungs = 8
  @usableFromInline static let none: Int32 = -1

  @usableFromInline var count = 0

  @usableFromInline var nodes: UnsafeMutablePointer<Node>
  @usableFromInline var nodeCapacity: Int
  @usableFromInline var nodesUsed = 0
  @usableFromInline var freeNode: Int32 = LadderCore.none

  @usableFromInline var topHead: Int32 = LadderCore.none
  @usableFromInline var topCount = 0
  @usableFromInline var topMin = Int64.max
  @usableFromInline var topMax = Int64.min
  /// The last tick below top; later events go to top.
  @usableFromInline var ladderLast = Int64.min

  @usableFromInline var rungs: UnsafeMutablePointer<Rung>
  @usableFromInline var rungCount = 0

  @usableFromInline var bottom: UnsafeMutablePointer<ScheduledEvent>
  @usableFromInline var bottomCount = 0
  @usableFromInline var bottomCapacity: Int

  @usableFromInline init() {
    nodeCapacity = 1024
    nodes = .allocate(capacity: nodeCapacity)
    bottomCapacity = 256
    bottom = .allocate(capacity: bottomCapacity)
    rungs = .allocate(capacity: LadderCore.maxRungs)
    for r in 0..<LadderCore.maxRungs {
      let capacity = r == 0 ? 1024 : 2 * LadderCore.threshold
      let heads = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
      rungs.advanced(by: r).initialize(
        to: Rung(
          start: 0, shift: 0, bucketCount: 0, current: 0, consumed: 0, heads: heads,
          headCapacity: capacity))
    }
  }

  /// Frees every buffer; the core is unusable afterwards.
  @usableFromInline func release() {
    for r in 0..<LadderCore.maxRungs { rungs[r].heads.deallocate() }
    rungs.deinitialize(count: LadderCore.maxRungs)
    rungs.deallocate()
    nodes.deallocate()
    bottom.deallocate()
  }

  /// The minimum event. Requires `count > 0`.
  @inlinable var bottomLast: ScheduledEvent { bottom[bottomCount &- 1] }

  /// Inserts into the tier whose time range holds the event.
  @inlinable mutating func insert(_ event: ScheduledEvent) {
    let time = event.key.time
    precondition(time != .min, "event time out of range")
    count &+= 1
    if time > ladderLast {
      pushTop(event)
    } else {
      var r = 0
      while r < rungCount {
        if time > rungs[r].consumed {
          pushBucket(event, rung: r)
          return
        }
        r &+= 1
      }
      pushBottom(event)
    }
    if bottomCount == 0 { refill() }
  }

  /// Removes the minimum. Requires `count > 0`.
  @inlinable mutating func popMin() -> ScheduledEvent {
    bottomCount &-= 1
    count &-= 1
    let event = bottom[bottomCount]
    if bottomCount == 0 {
      if count > 0 { refill() } else { becomeEmpty() }
    }
    return event
  }

  @inlinable mutating func pushTop(_ event: ScheduledEvent) {
    let node = allocateNode()
    nodes[Int(node)] = Node(event: event, next: topHead)
    topHead = node
    topCount &+= 1
    if event.key.time < topMin { topMin = event.key.time }
    if event.key.time > topMax { topMax = event.key.time }
  }

  @inlinable mutating func pushBucket(_ event: ScheduledEvent, rung r: Int) {
    let rung = rungs[r]
    let bucket = Int(
      truncatingIfNeeded: UInt64(bitPattern: event.key.time &- rung.start) &>> rung.shift)
    let node = allocateNode()
    nodes[Int(node)] = Node(event: event, next: rung.heads[bucket])
    rung.heads[bucket] = node
  }

  /// Sorted insert into bottom (binary search, then one move).
  @usableFromInline mutating func pushBottom(_ event: ScheduledEvent) {
    if bottomCount == bottomCapacity { growBottom(to: 2 * bottomCapacity) }
    // Bottom is descending: find how many keys are greater than the event's.
    var low = 0
    var high = bottomCount
    while low < high {
      let mid = (low &+ high) >> 1
      if event.key < bottom[mid].key { low = mid &+ 1 } else { high = mid }
    }
    let tail = bottomCount &- low
    if tail > 0 { (bottom + low + 1).moveInitialize(from: bottom + low, count: tail) }
    (bottom + low).initialize(to: event)
    bottomCount &+= 1
  }

  @inlinable mutating func allocateNode() -> Int32 {
    if freeNode != LadderCore.none {
      let node = freeNode
      freeNode = nodes[Int(node)].next
      return node
    }
    if nodesUsed == nodeCapacity { growNodes() }
    let node = Int32(truncatingIfNeeded: nodesUsed)
    nodesUsed &+= 1
    return node
  }

  @usableFromInline mutating func growNodes() {
    let capacity = 2 * nodeCapacity
    precondition(capacity <= Int(Int32.max), "ladder queue node pool is full")
    let grown = UnsafeMutablePointer<Node>.allocate(capacity: capacity)
    grown.moveInitialize(from: nodes, count: nodesUsed)
    nodes.deallocate()
    nodes = grown
    nodeCapacity = capacity
  }

  mutating func growBottom(to capacity: Int) {
    let grown = UnsafeMutablePointer<ScheduledEvent>.allocate(capacity: capacity)
    grown.moveInitialize(from: bottom, count: bottomCount)
    bottom.deallocate()
    bottom = grown
    bottomCapacity = capacity
  }

  /// Calls `body` with every stored event, in no particular order.
  func forEachEvent(_ body: (ScheduledEvent) -> Void) {
    for i in 0..<bottomCount { body(bottom[i]) }
    var node = topHead
    while node != LadderCore.none {
      body(nodes[Int(node)].event)
      node = nodes[Int(node)].next
    }
    for r in 0..<rungCount {
      let rung = rungs[r]
      for b in rung.current..<rung.bucketCount {
        var node = rung.heads[b]
        while node != LadderCore.none {
          body(nodes[Int(node)].event)
          node = nodes[Int(node)].next
        }
      }
    }
  }
}
