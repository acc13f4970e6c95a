import SimKernel
import Testing

/// A ladder bucket too full for bottom's buffer: emptying it into bottom
/// grows the buffer midway, which must keep the events already copied.
@Suite struct LadderBucketGrowthTests {
  /// 33 events 2^25 ticks apart make rung 0 a few buckets of 2^28 ticks;
  /// once the first are consumed, 600 more land in a later one, each on its
  /// own tick: more than bottom's initial 256 slots. (Before the fix the
  /// copied events were dropped and stale memory popped in their place.)
  @Test func aBucketLargerThanBottomPopsInOrder() {
    var queue = LadderQueue()
    var sequence: UInt64 = 0
    var times: [Int64] = []
    func insert(_ time: Int64) {
      sequence += 1
      times.append(time)
      queue.insert(
        ScheduledEvent(
          key: EventKey(time: time, priority: .normal, sequence: sequence), handler: 1,
          payload: Int64(sequence)))
    }
    for k in 0...32 { insert(Int64(k) << 25) }
    var popped: [Int64] = []
    while let first = queue.peekMin(), first.key.time < 1 << 29 {
      popped.append(queue.popMin()?.key.time ?? -1)
    }
    var rng = RandomStream(rawSeed: 3)
    for _ in 0..<600 { insert((1 << 29) + (1 << 26) + rng.integer(0, 1 << 20)) }
    while let event = queue.popMin() { popped.append(event.key.time) }
    #expect(popped == times.sorted())
  }
}
