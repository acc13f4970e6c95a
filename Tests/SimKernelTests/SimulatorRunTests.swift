import SimKernel
import Testing

/// `run(until:)`, `step()` and `stop()`.
@Suite struct SimulatorRunTests {
  @Test func runUntilStopsAtTheLimitAndResumes() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { sim, _ in log.times.append(sim.now.ms) }
    sim.schedule(record, at: SimTime(ms: 5))
    sim.schedule(record, at: SimTime(ms: 10))
    sim.schedule(record, at: SimTime(ms: 15))
    sim.run(until: SimTime(ms: 10))
    #expect(log.times == [5, 10])
    #expect(sim.now == SimTime(ms: 10))
    #expect(sim.pendingCount == 1)
    #expect(sim.nextEventTime == SimTime(ms: 15))
    sim.run(until: SimTime(ms: 12))
    #expect(sim.now == SimTime(ms: 12))
    sim.run()
    #expect(log.times == [5, 10, 15])
    #expect(sim.now == SimTime(ms: 15))
    #expect(sim.pendingCount == 0)
    #expect(sim.nextEventTime == nil)
  }

  @Test func emptyRunUntilMovesTheClockToTheLimit() {
    let sim = Simulator()
    sim.run(until: SimTime(ms: 1234))
    #expect(sim.now == SimTime(ms: 1234))
    sim.run()
    #expect(sim.now == SimTime(ms: 1234))
  }

  @Test func stopEndsTheRunAfterTheCurrentEvent() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { sim, payload in
      log.times.append(sim.now.ms)
      if payload == 1 { sim.stop() }
    }
    sim.schedule(record, at: SimTime(ms: 1))
    sim.schedule(record, at: SimTime(ms: 2), payload: 1)
    sim.schedule(record, at: SimTime(ms: 3))
    sim.run(until: SimTime(ms: 100))
    #expect(log.times == [1, 2])
    #expect(sim.isStopped)
    #expect(sim.now == SimTime(ms: 2))
    #expect(sim.pendingCount == 1)
  }

  @Test func stepProcessesOneEventAtATime() {
    let sim = Simulator()
    let record = sim.register { _, _ in }
    #expect(!sim.step())
    sim.schedule(record, at: SimTime(ms: 7))
    sim.schedule(record, at: SimTime(ms: 9))
    #expect(sim.step())
    #expect(sim.now == SimTime(ms: 7))
    #expect(sim.step())
    #expect(sim.now == SimTime(ms: 9))
    #expect(!sim.step())
    #expect(sim.eventsProcessed == 2)
  }

  @Test func schedulingAtNowAndZeroDelayIsAllowed() {
    let sim = Simulator()
    var ran = 0
    sim.schedule(after: .zero) { ran += 1 }
    let record = sim.register { _, _ in ran += 1 }
    sim.schedule(record, at: sim.now)
    sim.schedule(record, at: sim.now, priority: .late)
    sim.run()
    #expect(ran == 3)
    #expect(sim.now == .zero)
  }

  @Test func simTimeConvertsSecondsExactly() {
    #expect(SimTime(seconds: 1.5) == SimTime(ms: 1500))
    #expect(SimTime(seconds: .nan) == nil)
    #expect(SimTime(seconds: .infinity) == nil)
    #expect(SimTime(ms: 1500).seconds == 1.5)
    #expect(SimTime(ms: 12_000).description == "12")
    #expect(SimTime(ms: 250).description == "0.25")
    #expect(SimTime(ms: -1001).description == "-1.001")
  }
}
