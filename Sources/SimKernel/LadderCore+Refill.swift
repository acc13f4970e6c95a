/// Moving events down the ladder: top to a new rung, a full bucket to a
/// deeper rung, a small bucket to bottom.
extension LadderCore {
  /// Refills the empty bottom from the earliest non-empty bucket.
  ///
  /// Requires `bottomCount == 0` and `count > 0`. Each event is moved down
  /// a bounded number of times (at most once per rung), which is what makes
  /// the queue O(1) amortised.
  @usableFromInline mutating func refill() {
    defer { bottomLimit = Swift.max(LadderCore.threshold, 2 * bottomCount) }
    while true {
      if rungCount == 0 { spreadTop() }
      let r = rungCount - 1
      var rung = rungs[r]
      while rung.current < rung.bucketCount, rung.buckets[rung.current].chunk == LadderCore.none {
        rung.current += 1
      }
      if rung.current == rung.bucketCount {
        // Exhausted: the rung above already counts its range as consumed.
        rungCount -= 1
        continue
      }
      let bucket = rung.current
      let head = rung.buckets[bucket]
      rung.buckets[bucket] = .empty
      rung.current += 1
      rung.consumed = LadderCore.lastTick(
        start: rung.start, shift: rung.shift, buckets: rung.current)
      rungs[r] = rung
      let bucketStart = rung.start &+ Int64(bitPattern: UInt64(bucket) << rung.shift)
      if rung.shift > 0, rung.shift <= LadderCore.tickSortShift {
        // Few ticks: sort by tick while copying, checking each tick's order.
        if !tickSortToBottom(head, start: bucketStart, ticks: 1 << Int(rung.shift)) {
          sortBottom()
        }
        return
      }
      let size = moveToBottom(head)
      if size > LadderCore.threshold, rung.shift > 0, rungCount < LadderCore.maxRungs {
        // Too full to sort cheaply: spread it over a deeper rung instead.
        splitBottom(start: bucketStart, parentShift: rung.shift)
        continue
      }
      sortBottom()
      return
    }
  }

  /// Forgets the (empty) rungs so the next event starts a fresh epoch.
  @usableFromInline mutating func becomeEmpty() {
    rungCount = 0
    ladderLast = .min
  }

  /// Spreads all of top over a new rung 0 of about one bucket per 16 events
  /// (see `spreadBias`).
  mutating func spreadTop() {
    precondition(topCount > 0, "ladder queue lost track of its events")
    let span = UInt64(bitPattern: topMax &- topMin)
    let target = span / UInt64(topCount)
    let fine = target <= 1 ? 0 : UInt64(63 - target.leadingZeroBitCount)
    let shift = Swift.min(63, fine + LadderCore.spreadBias)
    let buckets = Int(span >> shift) + 1
    prepareRung(0, start: topMin, shift: shift, buckets: buckets)
    ladderLast = LadderCore.lastTick(start: topMin, shift: shift, buckets: buckets)
    for i in 0..<topCount { pushBucket(top[i], rung: 0) }
    topCount = 0
    topMin = .max
    topMax = .min
    rungCount = 1
  }

  /// Spreads the (unsorted) bottom, one full bucket, over a new deepest
  /// rung covering exactly that bucket, and empties bottom.
  mutating func splitBottom(start: Int64, parentShift: UInt64) {
    let bits = UInt64(64 - (bottomCount - 1).leadingZeroBitCount)
    let shift = parentShift > bits ? parentShift - bits : 0
    spreadBottom(start: start, shift: shift, buckets: 1 << Int(parentShift - shift))
  }

  /// Spreads the (sorted, overgrown) bottom over a new deepest rung from
  /// its minimum to the last tick bottom may hold, about one bucket per
  /// event, and empties bottom.
  ///
  /// Requires `bottomCount > 1` and `rungCount < maxRungs`.
  mutating func spawnRung() {
    let start = bottom[bottomCount - 1].key.time
    let end = rungCount > 0 ? rungs[rungCount - 1].consumed : ladderLast
    // Unsigned: the span of two Int64 ticks always fits.
    let span = UInt64(bitPattern: end &- start)
    let spanBits = UInt64(64 - span.leadingZeroBitCount)
    let bits = UInt64(64 - (bottomCount - 1).leadingZeroBitCount)
    let shift = spanBits > bits ? spanBits - bits : 0
    spreadBottom(start: start, shift: shift, buckets: Int(span >> shift) + 1)
  }

  /// Moves every bottom event to a new deepest rung of `buckets` buckets
  /// of `1 << shift` ticks from `start`, and empties bottom.
  mutating func spreadBottom(start: Int64, shift: UInt64, buckets: Int) {
    let r = rungCount
    prepareRung(r, start: start, shift: shift, buckets: buckets)
    rungCount += 1
    // Bottom is newest (or latest) first: push from its end, so each new
    // bucket keeps insertion (or key) order.
    var i = bottomCount
    bottomCount = 0
    while i > 0 {
      i -= 1
      pushBucket(bottom[i], rung: r)
    }
  }

  /// Resets rung `r` to empty buckets over `buckets << shift` ticks.
  mutating func prepareRung(_ r: Int, start: Int64, shift: UInt64, buckets: Int) {
    if rungs[r].bucketCapacity < buckets {
      rungs[r].buckets.deallocate()
      let capacity = Swift.max(buckets, 2 * rungs[r].bucketCapacity)
      rungs[r].buckets = .allocate(capacity: capacity)
      rungs[r].bucketCapacity = capacity
    }
    rungs[r].buckets.initialize(repeating: .empty, count: buckets)
    rungs[r].start = start
    rungs[r].shift = shift
    rungs[r].bucketCount = buckets
    rungs[r].current = 0
    rungs[r].consumed = start &- 1
  }

  /// Copies a bucket's events into the empty bottom, newest first (so
  /// descending when they were inserted in key order), and frees its
  /// chunks; returns how many there were.
  mutating func moveToBottom(_ bucket: Bucket) -> Int {
    let size = Int(LadderCore.chunkSize)
    var chunk = bucket.chunk
    var fill = Int(bucket.fill)
    var i = 0
    while chunk != LadderCore.none {
      if i &+ size > bottomCapacity {
        // growBottom keeps `bottomCount` events: count those copied so far.
        bottomCount = i
        growBottom(to: 2 * bottomCapacity)
      }
      let base = chunks + Int(chunk) &* size
      var j = fill
      while j > 0 {
        j &-= 1
        (bottom + i).initialize(to: base[j])
        i &+= 1
      }
      let older = chunkLink[Int(chunk)]
      freeChunk(chunk)
      chunk = older
      fill = size
    }
    bottomCount = i
    return i
  }

  /// Copies a bucket of `ticks` ticks from `start` into the empty bottom,
  /// in descending time order (a counting sort by tick), and frees its
  /// chunks.
  ///
  /// Within a tick the events come newest first, so a tick whose events
  /// were inserted in key order ends up in descending key order. Returns
  /// whether every tick did, that is whether bottom is sorted; if not, the
  /// caller sorts it.
  mutating func tickSortToBottom(_ bucket: Bucket, start: Int64, ticks: Int) -> Bool {
    let size = Int(LadderCore.chunkSize)
    tickCounts.initialize(repeating: 0, count: ticks)
    var chunk = bucket.chunk
    var fill = Int(bucket.fill)
    var total = 0
    while chunk != LadderCore.none {
      let base = chunks + Int(chunk) &* size
      for j in 0..<fill { tickCounts[Int(truncatingIfNeeded: base[j].key.time &- start)] &+= 1 }
      total &+= fill
      chunk = chunkLink[Int(chunk)]
      fill = size
    }
    if total > bottomCapacity { growBottom(to: Swift.max(total, 2 * bottomCapacity)) }
    // Later ticks first: tick o starts after every event of a later tick.
    var position = 0
    var tick = ticks
    while tick > 0 {
      tick &-= 1
      let n = tickCounts[tick]
      tickCounts[tick] = position
      tickStarts[tick] = position
      position &+= n
    }
    var sorted = true
    chunk = bucket.chunk
    fill = Int(bucket.fill)
    while chunk != LadderCore.none {
      let base = chunks + Int(chunk) &* size
      var j = fill
      while j > 0 {
        j &-= 1
        let event = base[j]
        let offset = Int(truncatingIfNeeded: event.key.time &- start)
        let slot = tickCounts[offset]
        // Descending within the tick: each event below the one before it.
        if slot > tickStarts[offset], !(event.key < bottom[slot &- 1].key) { sorted = false }
        (bottom + slot).initialize(to: event)
        tickCounts[offset] = slot &+ 1
      }
      let older = chunkLink[Int(chunk)]
      freeChunk(chunk)
      chunk = older
      fill = size
    }
    bottomCount = total
    return sorted
  }

  /// Sorts bottom in descending key order, so the minimum is last.
  ///
  /// A bucket of one tick whose events were inserted in key order (the
  /// usual case) is already sorted, which one pass confirms.
  mutating func sortBottom() {
    if bottomCount <= 32 {
      insertionSortBottom()
      return
    }
    var i = 1
    while i < bottomCount, bottom[i].key < bottom[i - 1].key { i += 1 }
    if i == bottomCount { return }
    var buffer = UnsafeMutableBufferPointer(start: bottom, count: bottomCount)
    buffer.sort { $1.key < $0.key }
  }

  /// Insertion sort, descending: fastest for the handful of events a
  /// bucket usually holds.
  mutating func insertionSortBottom() {
    var i = 1
    while i < bottomCount {
      let item = bottom[i]
      var j = i
      while j > 0, bottom[j - 1].key < item.key {
        bottom[j] = bottom[j - 1]
        j -= 1
      }
      bottom[j] = item
      i += 1
    }
  }

  /// The last tick of the first `buckets` buckets of a rung, saturating at
  /// `Int64.max`; `start - 1` for none.
  static func lastTick(start: Int64, shift: UInt64, buckets: Int) -> Int64 {
    guard buckets > 0 else { return start &- 1 }
    if UInt64(buckets) > (UInt64.max >> shift) { return .max }
    let span = (UInt64(buckets) << shift) - 1
    let room = UInt64(bitPattern: Int64.max &- start)
    return span > room ? .max : start &+ Int64(bitPattern: span)
  }
}
