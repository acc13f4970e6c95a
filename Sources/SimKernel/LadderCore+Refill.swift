/// Moving events down the ladder: top to a new rung, a full bucket to a
/// deeper rung, a small bucket to bottom.
extension LadderCore {
  /// Refills the empty bottom from the earliest non-empty bucket.
  ///
  /// Requires `bottomCount == 0` and `count > 0`. Each event is moved down
  /// a bounded number of times (at most once per rung), which is what makes
  /// the queue O(1) amortised.
  @usableFromInline mutating func refill() {
    while true {
      if rungCount == 0 { spreadTop() }
      let r = rungCount - 1
      var rung = rungs[r]
      while rung.current < rung.bucketCount, rung.heads[rung.current] == LadderCore.none {
        rung.current += 1
      }
      if rung.current == rung.bucketCount {
        // Exhausted: the rung above already counts its range as consumed.
        rungCount -= 1
        continue
      }
      let bucket = rung.current
      let head = rung.heads[bucket]
      rung.heads[bucket] = LadderCore.none
      rung.current += 1
      rung.consumed = LadderCore.lastTick(
        start: rung.start, shift: rung.shift, buckets: rung.current)
      rungs[r] = rung
      let size = moveToBottom(head)
      if size > LadderCore.threshold, rung.shift > 0, rungCount < LadderCore.maxRungs {
        // Too full to sort cheaply: spread it over a deeper rung instead.
        let bucketStart = rung.start &+ Int64(bitPattern: UInt64(bucket) << rung.shift)
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

  /// Spreads all of top over a new rung 0 of about one event per bucket.
  mutating func spreadTop() {
    precondition(topCount > 0, "ladder queue lost track of its events")
    let span = UInt64(bitPattern: topMax &- topMin)
    let target = span / UInt64(topCount) + 1
    let shift = target <= 1 ? 0 : Swift.min(63, UInt64(64 - (target - 1).leadingZeroBitCount))
    let buckets = Int(span >> shift) + 1
    prepareRung(0, start: topMin, shift: shift, buckets: buckets)
    ladderLast = LadderCore.lastTick(start: topMin, shift: shift, buckets: buckets)
    relink(topHead, into: 0)
    topHead = LadderCore.none
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
    let r = rungCount
    prepareRung(r, start: start, shift: shift, buckets: 1 << Int(parentShift - shift))
    rungCount += 1
    let size = bottomCount
    bottomCount = 0
    for i in 0..<size { pushBucket(bottom[i], rung: r) }
  }

  /// Resets rung `r` to empty buckets over `buckets << shift` ticks.
  mutating func prepareRung(_ r: Int, start: Int64, shift: UInt64, buckets: Int) {
    if rungs[r].headCapacity < buckets {
      rungs[r].heads.deallocate()
      let capacity = Swift.max(buckets, 2 * rungs[r].headCapacity)
      rungs[r].heads = .allocate(capacity: capacity)
      rungs[r].headCapacity = capacity
    }
    rungs[r].heads.initialize(repeating: LadderCore.none, count: buckets)
    rungs[r].start = start
    rungs[r].shift = shift
    rungs[r].bucketCount = buckets
    rungs[r].current = 0
    rungs[r].consumed = start &- 1
  }

  /// Moves every node of the list at `head` into rung `r`'s buckets.
  mutating func relink(_ head: Int32, into r: Int) {
    let rung = rungs[r]
    var node = head
    while node != LadderCore.none {
      let next = nodes[Int(node)].next
      let offset = UInt64(bitPattern: nodes[Int(node)].time &- rung.start)
      let bucket = Int(truncatingIfNeeded: offset &>> rung.shift)
      nodes[Int(node)].next = rung.heads[bucket]
      rung.heads[bucket] = node
      node = next
    }
  }

  /// Copies a bucket's events into the empty bottom, unsorted, and frees
  /// their nodes; returns how many there were.
  mutating func moveToBottom(_ head: Int32) -> Int {
    var node = head
    var i = 0
    while node != LadderCore.none {
      if i == bottomCapacity { growBottom(to: 2 * bottomCapacity) }
      (bottom + i).initialize(to: nodes[Int(node)].event)
      i += 1
      let next = nodes[Int(node)].next
      nodes[Int(node)].next = freeNode
      freeNode = node
      node = next
    }
    bottomCount = i
    return i
  }

  /// Sorts bottom in descending key order, so the minimum is last.
  mutating func sortBottom() {
    if bottomCount <= 32 {
      insertionSortBottom()
    } else {
      var buffer = UnsafeMutableBufferPointer(start: bottom, count: bottomCount)
      buffer.sort { $1.key < $0.key }
    }
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
