import SimKernel
import Testing

/// The ladder queue against the heap when many events share an instant:
/// bursts scheduled from events at different times onto a few common
/// instants, as link exits and rendezvous do in the models.
@Suite struct EventQueueBurstTests {
  /// Drives two queues through the same simulation-like run: every popped
  /// event may schedule a burst at one of a few shared instants ahead, or
  /// a handful of events spread over the near future; the popped
  /// sequences must agree event for event.
  func popSequences<A: EventQueue, B: EventQueue>(
    _ a: A.Type, _ b: B.Type, seed: UInt64, pops: Int
  ) -> (a: [ScheduledEvent], b: [ScheduledEvent]) {
    var first = A()
    var second = B()
    var rng = RandomStream(rawSeed: seed)
    var sequence: UInt64 = 0
    func add(_ time: Int64) {
      sequence += 1
      let priority = EventPriority(UInt8(rng.integer(0, 2)))
      let event = ScheduledEvent(
        key: EventKey(time: time, priority: priority, sequence: sequence), handler: 1,
        payload: Int64(sequence))
      first.insert(event)
      second.insert(event)
    }
    // A start in random time order, peeked after the first insert: the
    // ladder's first epoch then holds that one event and about half the
    // rest land in bottom below it, which spawns rungs.
    for i in 0..<2000 {
      add(rng.integer(0, 600_000))
      if i == 0 { _ = first.peekMin() }
    }
    var poppedA: [ScheduledEvent] = []
    var poppedB: [ScheduledEvent] = []
    while poppedA.count < pops, let x = first.popMin(), let y = second.popMin() {
      poppedA.append(x)
      poppedB.append(y)
      let now = x.key.time
      // About 1.3 events per pop, so the queue grows slowly.
      switch rng.integer(0, 199) {
      case 0:
        // A burst at the next shared instant (every 5 min) or the one after.
        let step: Int64 = 300_000
        let instant = (now / step + rng.integer(1, 2)) * step
        for _ in 0..<rng.integer(1, 300) { add(instant) }
      case 1:
        // A burst at now: the tick of the event being processed.
        for _ in 0..<rng.integer(1, 20) { add(now) }
      case 2...49:
        add(now + rng.integer(0, 2_000))
      case 50...99:
        add(now + rng.integer(0, 60_000))
      default:
        break
      }
    }
    while let x = first.popMin() {
      poppedA.append(x)
      if let y = second.popMin() { poppedB.append(y) }
    }
    while let y = second.popMin() { poppedB.append(y) }
    return (poppedA, poppedB)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func ladderMatchesHeapOnBursts(seed: UInt64) {
    let (ladder, heap) = popSequences(
      LadderQueue.self, QuaternaryHeap.self, seed: seed, pops: 40_000)
    #expect(ladder.count == heap.count)
    // The first difference, if any (comparing whole arrays would print
    // them all on failure).
    let mismatch = ladder.indices.first {
      $0 >= heap.count || ladder[$0].key != heap[$0].key || ladder[$0].payload != heap[$0].payload
    }
    #expect(mismatch == nil)
    // Time never goes back (bursts at now may precede in priority what
    // was popped before them, so keys need not increase).
    let backwards = heap.indices.dropFirst().first { heap[$0 - 1].key.time > heap[$0].key.time }
    #expect(backwards == nil)
  }

  /// Events inserted in descending time order, all below the first one:
  /// each must still pop in order (they crowd bottom until it spawns rungs).
  @Test func ladderMatchesHeapOnDescendingInserts() {
    var ladder = LadderQueue()
    var heap = QuaternaryHeap()
    for i in 0..<5000 {
      let event = ScheduledEvent(
        key: EventKey(time: Int64(5000 - i) * 7, priority: .normal, sequence: UInt64(i)),
        handler: 1, payload: Int64(i))
      ladder.insert(event)
      heap.insert(event)
      if i == 0 { _ = ladder.peekMin() }
    }
    var mismatches = 0
    while let expected = heap.popMin() {
      if ladder.popMin()?.key != expected.key { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(ladder.count == 0)
  }
}
