import SimKernel
import Testing

/// Every EventQueue must pop exactly the reference order: time, then the
/// order word (priority, then sequence).
@Suite struct EventQueueTests {
  /// Inserts and pops at random (seeded), checking every pop against a
  /// sorted reference, with time patterns that stress ties and far outliers.
  func exercise<Queue: EventQueue>(
    _ type: Queue.Type, seed: UInt64, operations: Int, timeSpread: Int64, farProbability: Double
  ) {
    var queue = Queue()
    var reference: [ScheduledEvent] = []
    var rng = RandomStream(rawSeed: seed)
    var sequence: UInt64 = 0
    var now: Int64 = 0
    for _ in 0..<operations {
      let popping = !reference.isEmpty && rng.unit() < 0.48
      if popping {
        guard let expected = reference.min(by: { $0.key < $1.key }) else { break }
        #expect(queue.peekMin()?.key == expected.key)
        let popped = queue.popMin()
        #expect(popped?.key == expected.key)
        #expect(popped?.payload == expected.payload)
        reference.removeAll { $0.key == expected.key }
        now = expected.key.time
      } else {
        sequence += 1
        var time = now + rng.integer(0, timeSpread)
        if rng.unit() < farProbability { time = now + rng.integer(0, 1 << 40) }
        let priority = EventPriority(UInt8(rng.integer(0, 2)))
        let event = ScheduledEvent(
          key: EventKey(time: time, priority: priority, sequence: sequence), handler: 1,
          payload: Int64(sequence))
        queue.insert(event)
        reference.append(event)
      }
      #expect(queue.count == reference.count)
    }
    reference.sort { $0.key < $1.key }
    for expected in reference {
      #expect(queue.popMin()?.key == expected.key)
    }
    #expect(queue.popMin() == nil)
    #expect(queue.peekMin() == nil)
    #expect(queue.count == 0)
  }

  @Test(arguments: [Int64(0), 3, 1000, 1 << 20])
  func heapMatchesReferenceSort(spread: Int64) {
    exercise(
      QuaternaryHeap.self, seed: 7, operations: 6000, timeSpread: spread, farProbability: 0.01)
  }

  @Test(arguments: [Int64(0), 3, 1000, 1 << 20])
  func ladderMatchesReferenceSort(spread: Int64) {
    exercise(LadderQueue.self, seed: 11, operations: 6000, timeSpread: spread, farProbability: 0.01)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func ladderMatchesReferenceSortWithOutliers(seed: UInt64) {
    exercise(LadderQueue.self, seed: seed, operations: 4000, timeSpread: 50, farProbability: 0.2)
  }

  /// Large batches at one tick, then at two ticks, force full buckets that
  /// cannot be split and deep rungs that can.
  @Test func ladderHandlesBulkTiesAndDeepRungs() {
    var ladder = LadderQueue()
    var heap = QuaternaryHeap()
    var sequence: UInt64 = 0
    func add(_ time: Int64, _ priority: UInt8) {
      sequence += 1
      let event = ScheduledEvent(
        key: EventKey(time: time, priority: EventPriority(priority), sequence: sequence),
        handler: 0, payload: 0)
      ladder.insert(event)
      heap.insert(event)
    }
    for i in 0..<3000 { add(5000, UInt8(i % 3)) }
    for i in 0..<3000 { add(Int64(i % 2) * 1_000_000_007, 1) }
    for i in 0..<3000 { add(Int64(i) * Int64(i) * 977, 1) }
    add(Int64.max, 0)
    add(Int64.max - 1, 2)
    var popped = 0
    while let expected = heap.popMin() {
      #expect(ladder.popMin()?.key == expected.key)
      popped += 1
      if popped % 7 == 0, expected.key.time < 1 << 50 {
        add(expected.key.time + Int64(popped % 13), UInt8(popped % 3))
      }
    }
    #expect(ladder.count == 0)
  }

  /// The hold pattern of the benchmark (10/ms dense ticks from exponential
  /// increments), with a share of urgent and late events so that buckets
  /// are not always in insertion order; every pop is checked against the
  /// heap, itself checked against a reference sort above.
  @Test(arguments: [0, 10, 50])
  func ladderMatchesHeapOnHoldPattern(nonNormalPercent: Int64) {
    var ladder = LadderQueue()
    var heap = QuaternaryHeap()
    var rng = RandomStream(rawSeed: UInt64(nonNormalPercent) + 100)
    var sequence: UInt64 = 0
    func add(_ time: Int64) {
      sequence += 1
      var priority = EventPriority.normal
      if rng.integer(0, 99) < nonNormalPercent {
        priority = rng.unit() < 0.5 ? .urgent : .late
      }
      let event = ScheduledEvent(
        key: EventKey(time: time, priority: priority, sequence: sequence), handler: 1,
        payload: Int64(sequence))
      ladder.insert(event)
      heap.insert(event)
    }
    for _ in 0..<2000 { add(Int64(rng.exponentialZiggurat(mean: 200))) }
    for _ in 0..<60_000 {
      let expected = heap.popMin()
      let popped = ladder.popMin()
      #expect(popped?.key == expected?.key)
      #expect(popped?.payload == expected?.payload)
      guard let expected else { break }
      add(expected.key.time + Int64(rng.exponentialZiggurat(mean: 200)))
    }
    #expect(ladder.count == heap.count)
  }

  /// Runs of one tick whose sizes straddle the chunk size and the split
  /// threshold, inserted with priorities against their sequence order.
  @Test(arguments: [1, 7, 8, 9, 16, 17, 31, 33, 47, 48, 49, 100])
  func ladderSortsTicksOfEverySize(size: Int) {
    var ladder = LadderQueue()
    var reference: [ScheduledEvent] = []
    var sequence: UInt64 = 0
    for tick in 0..<Int64(40) {
      for i in 0..<size {
        sequence += 1
        let priority = EventPriority(UInt8((size - i) % 3))
        let event = ScheduledEvent(
          key: EventKey(time: 1000 + (tick * 7919) % 40, priority: priority, sequence: sequence),
          handler: 1, payload: Int64(sequence))
        ladder.insert(event)
        reference.append(event)
      }
    }
    reference.sort { $0.key < $1.key }
    for expected in reference { #expect(ladder.popMin()?.key == expected.key) }
    #expect(ladder.count == 0)
  }

  /// Copies are independent values (copy-on-write).
  @Test func ladderHasValueSemantics() {
    var a = LadderQueue()
    for i in 0..<100 {
      a.insert(
        ScheduledEvent(
          key: EventKey(time: Int64(100 - i), priority: .normal, sequence: UInt64(i)),
          handler: 0, payload: Int64(i)))
    }
    var b = a
    #expect(b.popMin()?.key.time == 1)
    #expect(a.count == 100)
    #expect(b.count == 99)
    #expect(a.peekMin()?.key.time == 1)
    a.insert(
      ScheduledEvent(
        key: EventKey(time: 0, priority: .normal, sequence: 999), handler: 0, payload: 0))
    #expect(b.peekMin()?.key.time == 2)
    #expect(a.peekMin()?.key.time == 0)
  }

  @Test func emptyQueuesReturnNil() {
    var heap = QuaternaryHeap()
    var ladder = LadderQueue()
    #expect(heap.popMin() == nil)
    #expect(ladder.popMin() == nil)
    #expect(heap.peekMin() == nil)
    #expect(ladder.peekMin() == nil)
  }
}
