/// The state of a `LadderQueue`: the unsorted top, the rungs of bucket
/// chunks, and the sorted bottom.
///
/// Raw buffers rather than nested arrays because the hot paths touch them
/// once per event: no uniqueness or bounds checks in the inner loops. A
/// struct reached through `LadderStorage`'s pointer, because stored
/// properties of a class pay a dynamic exclusivity check on every access.
/// `LadderStorage` owns the buffers and frees them; indices are kept
/// in range by construction (see the invariants below) and by the tests,
/// which check every pop against a reference sort.
///
/// Storage is contiguous wherever events move in bulk. Top is one array.
/// A bucket is a chain of fixed-size chunks from a shared pool: an insert
/// appends to the bucket's newest chunk, and emptying a bucket into bottom
/// copies whole chunks, so neither walks a list of scattered nodes. Events
/// keep their insertion order within a bucket, which is usually key order
/// at one tick, so sorting a bucket is then a single check pass.
///
/// Invariants, with `last(r)` the last tick rung r's range covers:
/// - every top event is later than `ladderLast`;
/// - every event in rung r's buckets is later than `rungs[r].consumed`, and
///   within rung r's range; rung r + 1 covers exactly the bucket of rung r
///   that was consumed last;
/// - every bottom event is at or before the deepest rung's `consumed`
///   (or `ladderLast` when there is no rung);
/// - bottom is sorted in descending key order; when it is non-empty its
///   last event is the minimum.
///
/// Events move down only when the minimum is asked for (`minimum`,
/// `popMin`), as in Tang et al.: inserts never start an epoch. Starting one
/// eagerly from the first event inserted into an empty queue would leave
/// every earlier event inserted after it no tier but bottom, whose sorted
/// insert is O(bottom), so a queue filled in random time order (all
/// departures scheduled before the run) cost O(n^2).
@usableFromInline struct LadderCore {
  /// A bucket: its newest chunk and how many events that chunk holds.
  ///
  /// Older chunks of the bucket are full and linked through `chunkLink`.
  /// An empty bucket has no chunk and reads as full, so an insert needs one
  /// test to know it must take a fresh chunk.
  @usableFromInline struct Bucket {
    @usableFromInline var chunk: Int32
    @usableFromInline var fill: Int32

    @inlinable static var empty: Bucket {
      Bucket(chunk: LadderCore.none, fill: LadderCore.chunkSize)
    }

    @inlinable init(chunk: Int32, fill: Int32) {
      self.chunk = chunk
      self.fill = fill
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
    @usableFromInline var buckets: UnsafeMutablePointer<Bucket>
    @usableFromInline var bucketCapacity: Int
  }

  /// The most events a bucket may hold and still be sorted into bottom.
  ///
  /// Fuller buckets are split into a new rung (Tang et al. use 50).
  @usableFromInline static let threshold = 48
  @usableFromInline static let maxRungs = 8
  @usableFromInline static let none: Int32 = -1
  /// Events per chunk: 16 events of 32 bytes fill eight cache lines.
  @usableFromInline static let chunkSize: Int32 = 16
  /// How much wider than one event each rung 0's buckets are, as a shift.
  ///
  /// About 16 events per bucket, where Tang et al. have about one: fewer,
  /// fuller buckets keep the chunks being appended to few and warm in
  /// cache, and a bucket of few ticks costs a counting sort, not a split.
  static let spreadBias: UInt64 = 4
  /// Buckets of at most `1 << tickSortShift` ticks are sorted by tick
  /// (counting sort) on their way to bottom rather than split.
  static let tickSortShift: UInt64 = 6

  @usableFromInline var count = 0

  /// The chunk pool: chunk c holds events `chunks[c * chunkSize ..< (c + 1) * chunkSize]`.
  @usableFromInline var chunks: UnsafeMutablePointer<ScheduledEvent>
  /// The next older chunk of a bucket, or the next free chunk.
  @usableFromInline var chunkLink: UnsafeMutablePointer<Int32>
  @usableFromInline var chunkCapacity: Int
  @usableFromInline var chunksUsed = 0
  @usableFromInline var freeChunk: Int32 = LadderCore.none

  @usableFromInline var top: UnsafeMutablePointer<ScheduledEvent>
  @usableFromInline var topCount = 0
  @usableFromInline var topCapacity: Int
  @usableFromInline var topMin = Int64.max
  @usableFromInline var topMax = Int64.min
  /// The last tick below top; later events go to top.
  @usableFromInline var ladderLast = Int64.min

  @usableFromInline var rungs: UnsafeMutablePointer<Rung>
  @usableFromInline var rungCount = 0

  @usableFromInline var bottom: UnsafeMutablePointer<ScheduledEvent>
  @usableFromInline var bottomCount = 0
  @usableFromInline var bottomCapacity: Int
  /// The bottom size past which an insert spreads bottom over a new rung:
  /// twice what the last refill left (at least `threshold`), so a large
  /// bucket sorted into bottom is not spread again at its first insert and
  /// each spread is paid for by as many inserts as it moves.
  @usableFromInline var bottomLimit = LadderCore.threshold
  /// Scratch for `tickSortToBottom`: events, then positions, per tick.
  var tickCounts: UnsafeMutablePointer<Int>
  /// Scratch for `tickSortToBottom`: where each tick's events start.
  var tickStarts: UnsafeMutablePointer<Int>

  @usableFromInline init() {
    tickCounts = .allocate(capacity: 1 << Int(LadderCore.tickSortShift))
    tickStarts = .allocate(capacity: 1 << Int(LadderCore.tickSortShift))
    chunkCapacity = 256
    chunks = .allocate(capacity: chunkCapacity * Int(LadderCore.chunkSize))
    chunkLink = .allocate(capacity: chunkCapacity)
    topCapacity = 1024
    top = .allocate(capacity: topCapacity)
    bottomCapacity = 256
    bottom = .allocate(capacity: bottomCapacity)
    rungs = .allocate(capacity: LadderCore.maxRungs)
    for r in 0..<LadderCore.maxRungs {
      let capacity = r == 0 ? 1024 : 2 * LadderCore.threshold
      let buckets = UnsafeMutablePointer<Bucket>.allocate(capacity: capacity)
      rungs.advanced(by: r).initialize(
        to: Rung(
          start: 0, shift: 0, bucketCount: 0, current: 0, consumed: 0, buckets: buckets,
          bucketCapacity: capacity))
    }
  }

  /// Frees every buffer; the core is unusable afterwards.
  @usableFromInline func release() {
    for r in 0..<LadderCore.maxRungs { rungs[r].buckets.deallocate() }
    rungs.deinitialize(count: LadderCore.maxRungs)
    rungs.deallocate()
    chunks.deallocate()
    chunkLink.deallocate()
    top.deallocate()
    bottom.deallocate()
    tickCounts.deallocate()
    tickStarts.deallocate()
  }

  /// The minimum event, after moving the earliest bucket to bottom if
  /// bottom is empty; the queue holds the same events either way.
  ///
  /// Requires `count > 0`.
  @inlinable var minimum: ScheduledEvent {
    mutating get {
      if bottomCount == 0 { refill() }
      return bottom[bottomCount &- 1]
    }
  }

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
  }

  /// Removes the minimum.
  ///
  /// Requires `count > 0`.
  @inlinable mutating func popMin() -> ScheduledEvent {
    if bottomCount == 0 { refill() }
    bottomCount &-= 1
    count &-= 1
    if count == 0 { becomeEmpty() }
    return bottom[bottomCount]
  }

  @inlinable mutating func pushTop(_ event: ScheduledEvent) {
    if topCount == topCapacity { growTop() }
    (top + topCount).initialize(to: event)
    topCount &+= 1
    if event.key.time < topMin { topMin = event.key.time }
    if event.key.time > topMax { topMax = event.key.time }
  }

  /// Appends to the bucket of rung `r` that covers the event's time.
  @inlinable mutating func pushBucket(_ event: ScheduledEvent, rung r: Int) {
    let rung = rungs + r
    let offset = UInt64(bitPattern: event.key.time &- rung.pointee.start)
    let slot = rung.pointee.buckets + Int(truncatingIfNeeded: offset &>> rung.pointee.shift)
    var bucket = slot.pointee
    if bucket.fill == LadderCore.chunkSize {
      let chunk = allocateChunk()
      chunkLink[Int(chunk)] = bucket.chunk
      bucket = Bucket(chunk: chunk, fill: 0)
    }
    (chunks + (Int(bucket.chunk) &* Int(LadderCore.chunkSize) &+ Int(bucket.fill)))
      .initialize(to: event)
    bucket.fill &+= 1
    slot.pointee = bucket
  }

  /// Sorted insert into bottom (binary search, then one move).
  ///
  /// The move is O(bottom), so a bottom that grows past `bottomLimit` over
  /// more than one tick is spread over a new rung (Tang et al.'s answer to
  /// events crowding the current bucket); one tick's events stay, as no
  /// rung could part them.
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
    if bottomCount > bottomLimit, rungCount < LadderCore.maxRungs,
      bottom[0].key.time != bottom[bottomCount &- 1].key.time
    {
      spawnRung()
    }
  }

  /// A chunk from the free list (the most recently freed, still in cache)
  /// or from the unused end of the pool.
  @inlinable mutating func allocateChunk() -> Int32 {
    if freeChunk != LadderCore.none {
      let chunk = freeChunk
      freeChunk = chunkLink[Int(chunk)]
      return chunk
    }
    if chunksUsed == chunkCapacity { growChunks() }
    let chunk = Int32(truncatingIfNeeded: chunksUsed)
    chunksUsed &+= 1
    return chunk
  }

  /// Returns a chunk to the free list.
  @inlinable mutating func freeChunk(_ chunk: Int32) {
    chunkLink[Int(chunk)] = freeChunk
    freeChunk = chunk
  }

  @usableFromInline mutating func growChunks() {
    let capacity = 2 * chunkCapacity
    precondition(capacity <= Int(Int32.max), "ladder queue chunk pool is full")
    let size = Int(LadderCore.chunkSize)
    let grown = UnsafeMutablePointer<ScheduledEvent>.allocate(capacity: capacity * size)
    grown.moveInitialize(from: chunks, count: chunksUsed * size)
    chunks.deallocate()
    chunks = grown
    let links = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    links.moveInitialize(from: chunkLink, count: chunksUsed)
    chunkLink.deallocate()
    chunkLink = links
    chunkCapacity = capacity
  }

  @usableFromInline mutating func growTop() {
    let capacity = 2 * topCapacity
    let grown = UnsafeMutablePointer<ScheduledEvent>.allocate(capacity: capacity)
    grown.moveInitialize(from: top, count: topCount)
    top.deallocate()
    top = grown
    topCapacity = capacity
  }

  mutating func growBottom(to capacity: Int) {
    let grown = UnsafeMutablePointer<ScheduledEvent>.allocate(capacity: capacity)
    grown.moveInitialize(from: bottom, count: bottomCount)
    bottom.deallocate()
    bottom = grown
    bottomCapacity = capacity
  }

  /// Calls `body` with every event of a bucket, newest first.
  func forEachEvent(in bucket: Bucket, _ body: (ScheduledEvent) -> Void) {
    var chunk = bucket.chunk
    var fill = bucket.fill
    while chunk != LadderCore.none {
      let base = chunks + Int(chunk) * Int(LadderCore.chunkSize)
      for i in stride(from: Int(fill) - 1, through: 0, by: -1) { body(base[i]) }
      chunk = chunkLink[Int(chunk)]
      fill = LadderCore.chunkSize
    }
  }

  /// Calls `body` with every stored event, in no particular order.
  func forEachEvent(_ body: (ScheduledEvent) -> Void) {
    for i in 0..<bottomCount { body(bottom[i]) }
    for i in 0..<topCount { body(top[i]) }
    for r in 0..<rungCount {
      let rung = rungs[r]
      for b in rung.current..<rung.bucketCount {
        forEachEvent(in: rung.buckets[b], body)
      }
    }
  }
}
