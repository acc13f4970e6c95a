import SimKernel
import Testing

/// A log of which labelled events ran, and when.
final class EventLog {
  var entries: [String] = []
  var times: [Int64] = []
}

/// Events run by time, then priority, then first scheduled first.
@Suite struct SimulatorOrderTests {
  @Test func timeOrderWinsOverSchedulingOrder() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { sim, payload in
      log.entries.append("e\(payload)")
      log.times.append(sim.now.ms)
    }
    for (payload, time) in [(1, 30), (2, 10), (3, 20), (4, 0)] {
      sim.schedule(record, at: SimTime(ms: Int64(time)), payload: Int64(payload))
    }
    sim.run()
    #expect(log.entries == ["e4", "e2", "e3", "e1"])
    #expect(log.times == [0, 10, 20, 30])
    #expect(sim.eventsProcessed == 4)
  }

  @Test func priorityThenFifoAtOneInstant() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { _, payload in log.entries.append("e\(payload)") }
    let at = SimTime(ms: 50)
    sim.schedule(record, at: at, priority: .late, payload: 1)
    sim.schedule(record, at: at, priority: .normal, payload: 2)
    sim.schedule(record, at: at, priority: .urgent, payload: 3)
    sim.schedule(record, at: at, priority: .normal, payload: 4)
    sim.schedule(record, at: at, priority: .urgent, payload: 5)
    sim.run()
    #expect(log.entries == ["e3", "e5", "e2", "e4", "e1"])
  }

  /// Same-instant events scheduled during the instant (the FIFO) merge
  /// with queued ones by key: urgent first, older sequence first, late last.
  @Test func fifoAndQueueMergeByKeyAtOneInstant() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { _, payload in log.entries.append("e\(payload)") }
    var spawn: HandlerID?
    spawn = sim.register { sim, _ in
      log.entries.append("A")
      sim.schedule(record, at: sim.now, payload: 3)  // FIFO
      sim.schedule(record, at: sim.now, priority: .urgent, payload: 4)
      sim.schedule(record, at: sim.now, priority: .late, payload: 5)
      sim.schedule(record, at: sim.now, payload: 6)  // FIFO
      sim.schedule(record, at: sim.now + SimTime(ms: 1), payload: 7)
    }
    sim.schedule(spawn!, at: SimTime(ms: 10))
    sim.schedule(record, at: SimTime(ms: 10), payload: 2)
    sim.run()
    #expect(log.entries == ["A", "e4", "e2", "e3", "e6", "e5", "e7"])
  }

  /// A long random schedule runs in exactly (time, priority, sequence) order.
  @Test func randomScheduleRunsInKeyOrder() {
    let sim = Simulator()
    var rng = RandomStream(seed: 3, name: "order")
    var expected: [(time: Int64, priority: UInt8, id: Int64)] = []
    let log = EventLog()
    let record = sim.register { sim, payload in
      log.entries.append(String(payload))
      log.times.append(sim.now.ms)
    }
    for id in 0..<5000 {
      let time = rng.integer(0, 400)
      let priority = UInt8(rng.integer(0, 2))
      sim.schedule(
        record, at: SimTime(ms: time), priority: EventPriority(priority), payload: Int64(id))
      expected.append((time, priority, Int64(id)))
    }
    sim.run()
    expected.sort { ($0.time, $0.priority, $0.id) < ($1.time, $1.priority, $1.id) }
    #expect(log.entries == expected.map { String($0.id) })
    #expect(log.times == log.times.sorted())
  }

  @Test func handlersMayScheduleAtTheCurrentInstant() {
    let sim = Simulator()
    let log = EventLog()
    var chain: HandlerID?
    chain = sim.register { sim, payload in
      log.entries.append("c\(payload)")
      if payload < 3 { sim.schedule(chain!, at: sim.now, payload: payload + 1) }
    }
    sim.schedule(chain!, at: SimTime(ms: 5))
    sim.run()
    #expect(log.entries == ["c0", "c1", "c2", "c3"])
    #expect(sim.now == SimTime(ms: 5))
  }
}
