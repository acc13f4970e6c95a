import SimKernel
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hot paths written without library calls give what the library
/// calls gave: the tick of a number of seconds, the order in which a
/// resource serves its waiters, and same-instant events past the FIFO's
/// first buffer.
@Suite struct HotPathEquivalenceTests {
  /// The tick `rounded()` gives, with the old bound.
  static func reference(_ seconds: Double) -> Int64? {
    let ms = (seconds * 1000).rounded()
    guard ms.isFinite, abs(ms) < 9.0e15 else { return nil }
    return Int64(ms)
  }

  @Test func secondsRoundToTheSameTickAsRounded() {
    var edges: [Double] = [
      0, -0.0, 0.0005, -0.0005, 0.0004999999999999999, 0.0015, 2.5e-3, 1.0005, -1.0005,
      0.49999999999999994 / 1000, 4_503_599_627_370.495, 4_503_599_627_370.4966,
      8_999_999_999_999.999, 9_000_000_000_000.0, -8_999_999_999_999.999, 1e300, -1e300,
      .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]
    for k in -2000...2000 { edges.append(Double(k) / 2000) }
    for k in 0..<64 { edges.append(nextafter(Double(k) + 0.5, 0) / 1000) }
    var stream = RandomStream(seed: 11, name: "ticks")
    for _ in 0..<100_000 {
      let magnitude = pow(10, 14 * stream.unit() - 4)
      edges.append((stream.unit() < 0.5 ? -1 : 1) * magnitude)
      edges.append(stream.exponential(mean: 1 / 2.7))
    }
    for seconds in edges {
      #expect(SimTime(seconds: seconds)?.ms == Self.reference(seconds), "\(seconds)")
    }
  }

  @Test func waitersComeOutInPriorityThenArrivalOrder() {
    let resource = Resource(name: "desk", capacity: 1)
    #expect(resource.tryAcquire(at: .zero))
    var stream = RandomStream(seed: 5, name: "priorities")
    var expected: [(priority: Int, arrival: Int)] = []
    var granted: [Int] = []
    for arrival in 0..<500 {
      let priority = stream.integer(0, 4)
      expected.append((Int(priority), arrival))
      resource.enqueue(priority: Int(priority), at: .zero) {
        granted.append(arrival)
        return true
      }
      // Serve now and then, so that the heap grows and shrinks.
      if arrival % 7 == 0 { resource.release(at: .zero) }
    }
    while granted.count < 500 { resource.release(at: .zero) }
    // Replaying the same schedule against a sorted list gives the order.
    let before: ((priority: Int, arrival: Int), (priority: Int, arrival: Int)) -> Bool = {
      ($0.priority, $0.arrival) < ($1.priority, $1.arrival)
    }
    var waiting: [(priority: Int, arrival: Int)] = []
    var replay: [Int] = []
    for (priority, arrival) in expected {
      waiting.append((priority, arrival))
      if arrival % 7 == 0 {
        waiting.sort(by: before)
        replay.append(waiting.removeFirst().arrival)
      }
    }
    waiting.sort(by: before)
    replay += waiting.map(\.arrival)
    #expect(granted == replay)
  }

  @Test func sameInstantEventsKeepTheirOrderPastTheFirstBuffer() {
    let sim = Simulator()
    var order: [Int64] = []
    var next: Int64 = 0
    var handler = HandlerID(raw: 0)
    handler = sim.register { sim, payload in
      order.append(payload)
      // Each event schedules two more at the same instant until 5,000,
      // so the FIFO grows while it is being drained.
      for _ in 0..<2 where next < 5_000 {
        next += 1
        sim.schedule(handler, at: sim.now, payload: next)
      }
    }
    sim.schedule(handler, at: .zero, payload: 0)
    sim.schedule(handler, at: SimTime(ms: 1), priority: .urgent, payload: -1)
    sim.run()
    #expect(order.count == 5_002)
    #expect(Array(order.prefix(5_001)) == Array(0...5_000))
    #expect(order.last == -1)
    #expect(sim.pendingCount == 0)
  }
}
