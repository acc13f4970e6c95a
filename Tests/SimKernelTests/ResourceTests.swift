import SimKernel
import Testing

/// Resource: priority then FIFO, hand-over on release, cancelled waiters
/// skipped, monitors.
@Suite struct ResourceTests {
  @Test func waitersAreServedByPriorityThenArrival() {
    let resource = Resource(name: "pump", capacity: 1)
    var granted: [String] = []
    #expect(resource.tryAcquire(at: .zero))
    #expect(!resource.tryAcquire(at: .zero))
    for (label, priority) in [("a", 2), ("b", 1), ("c", 2), ("d", 0), ("e", 1)] {
      resource.enqueue(priority: priority, at: .zero) {
        granted.append(label)
        return true
      }
    }
    for step in 1...5 { resource.release(at: SimTime(ms: Int64(step) * 1000)) }
    #expect(granted == ["d", "b", "e", "a", "c"])
    #expect(resource.inUse == 1)
  }

  @Test func releaseHandsTheUnitToTheNextWaiterAndSkipsCancelled() {
    let resource = Resource(name: "boat", capacity: 2)
    var granted: [String] = []
    #expect(resource.tryAcquire(at: .zero))
    #expect(resource.tryAcquire(at: .zero))
    resource.enqueue(priority: 0, at: .zero) {
      granted.append("cancelled")
      return false
    }
    resource.enqueue(priority: 0, at: .zero) {
      granted.append("x")
      return true
    }
    resource.release(at: SimTime(ms: 4000))
    #expect(granted == ["cancelled", "x"])
    #expect(resource.inUse == 2)
    // Nobody waits now: a release frees the unit and a new request gets it at once.
    resource.release(at: SimTime(ms: 5000))
    #expect(resource.inUse == 1)
    #expect(resource.tryAcquire(at: SimTime(ms: 5000)))
  }

  @Test func monitorsUtilisationQueueAndWaits() {
    let resource = Resource(name: "team", capacity: 2)
    #expect(resource.tryAcquire(at: .zero))  // one unit busy 0..10 s
    #expect(resource.tryAcquire(at: .zero))  // second unit busy 0..20 s
    resource.enqueue(priority: 0, at: SimTime(ms: 5000)) { true }  // waits 5..10 s
    resource.release(at: SimTime(ms: 10_000))  // hand-over: still 2 busy
    resource.release(at: SimTime(ms: 20_000))
    resource.release(at: SimTime(ms: 30_000))
    #expect(resource.inUse == 0)
    // Busy units: 2 for 0..20 s, 1 for 20..30 s, 0 for 30..40 s: 50 unit-s / (2 x 40 s).
    #expect(abs(resource.utilisation(at: SimTime(ms: 40_000)) - 50.0 / 80) < 1e-12)
    // One request queued for 5 s of the 40 s.
    #expect(abs(resource.queueLength.mean(at: SimTime(ms: 40_000)) - 5.0 / 40) < 1e-12)
    #expect(resource.waits.count == 3)
    #expect(resource.waits.max == 5)
    #expect(abs(resource.waits.mean - 5.0 / 3) < 1e-12)
  }

  @Test func tokenAndCallbackWaitersShareOneQueue() {
    let resource = Resource(name: "crane", capacity: 1)
    var granted: [String] = []
    resource.grantToken = { token in
      granted.append("token \(token)")
      return token != 13  // 13 was cancelled: the unit goes on
    }
    #expect(resource.tryAcquire(at: .zero))
    resource.enqueue(priority: 1, at: .zero, token: 11)
    resource.enqueue(priority: 0, at: .zero) {
      granted.append("callback")
      return true
    }
    resource.enqueue(priority: 1, at: .zero, token: 13)
    resource.enqueue(priority: 1, at: .zero, token: 12)
    resource.enqueue(priority: 0, at: .zero, token: 10)
    for step in 1...4 { resource.release(at: SimTime(ms: Int64(step) * 1000)) }
    #expect(granted == ["callback", "token 10", "token 11", "token 13", "token 12"])
    #expect(resource.inUse == 1)
    #expect(resource.waits.count == 5)  // the first unit and four hand-overs
  }

  @Test func callbacksQueuedOneAtATimeAreEachCalledOnce() {
    let resource = Resource(name: "hose", capacity: 1)
    var order: [Int] = []
    #expect(resource.tryAcquire(at: .zero))
    for round in 0..<3 {
      resource.enqueue(priority: 0, at: .zero) {
        order.append(round)
        return true
      }
      resource.release(at: SimTime(ms: Int64(round + 1) * 1000))
    }
    #expect(order == [0, 1, 2])
    #expect(resource.inUse == 1)
    #expect(resource.waits.count == 4)
  }
}
