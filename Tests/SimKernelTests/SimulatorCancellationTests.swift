import SimKernel
import Testing

/// Closure events and their cancellation by tombstone.
@Suite struct SimulatorCancellationTests {
  @Test func cancelledClosureIsSkippedAndNotCounted() {
    let sim = Simulator()
    var ran: [String] = []
    sim.schedule(after: SimTime(ms: 10)) { ran.append("a") }
    let timer = sim.schedule(after: SimTime(ms: 20)) { ran.append("b") }
    sim.schedule(after: SimTime(ms: 30)) { ran.append("c") }
    #expect(sim.cancel(timer))
    #expect(!sim.cancel(timer))
    #expect(sim.pendingCount == 3)  // the tombstone is still queued
    sim.run()
    #expect(ran == ["a", "c"])
    #expect(sim.eventsProcessed == 2)
    #expect(sim.pendingCount == 0)
  }

  @Test func cancelAfterTheClosureRanReturnsFalse() {
    let sim = Simulator()
    var count = 0
    let timer = sim.schedule(after: SimTime(ms: 1)) { count += 1 }
    sim.run()
    #expect(count == 1)
    #expect(!sim.cancel(timer))
  }

  /// A slot is reused after its closure ran; the old timer must not cancel
  /// the new closure in that slot.
  @Test func staleTimerCannotCancelAReusedSlot() {
    let sim = Simulator()
    var ran: [Int] = []
    let first = sim.schedule(after: SimTime(ms: 1)) { ran.append(1) }
    sim.run()
    let second = sim.schedule(after: SimTime(ms: 1)) { ran.append(2) }
    #expect(first != second)
    #expect(!sim.cancel(first))
    sim.run()
    #expect(ran == [1, 2])
  }

  @Test func closuresCanCancelEachOtherAtOneInstant() {
    let sim = Simulator()
    var ran: [String] = []
    var later: TimerID?
    sim.schedule(after: SimTime(ms: 5)) {
      ran.append("first")
      #expect(sim.cancel(later!))
    }
    later = sim.schedule(after: SimTime(ms: 5)) { ran.append("second") }
    sim.run()
    #expect(ran == ["first"])
    #expect(sim.eventsProcessed == 1)
    #expect(sim.now == SimTime(ms: 5))
  }

  @Test func closurePrioritiesOrderLikeHandlerEvents() {
    let sim = Simulator()
    var ran: [String] = []
    sim.schedule(after: SimTime(ms: 3), priority: .late) { ran.append("late") }
    sim.schedule(after: SimTime(ms: 3)) { ran.append("normal") }
    sim.schedule(after: SimTime(ms: 3), priority: .urgent) { ran.append("urgent") }
    sim.run()
    #expect(ran == ["urgent", "normal", "late"])
  }
}
