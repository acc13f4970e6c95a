import SimKernel
import Testing

/// Events scheduled late under a sequence number reserved early run where
/// they would have run had they been scheduled at the reservation.
@Suite struct SimulatorReservedSequenceTests {
  @Test func aReservedEventKeepsItsPlaceAmongTies() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { _, payload in log.entries.append("\(payload)") }
    sim.schedule(record, at: SimTime(ms: 10), payload: 1)
    let reserved = sim.reserveSequence()
    sim.schedule(record, at: SimTime(ms: 10), payload: 3)
    sim.schedule(record, at: SimTime(ms: 5), payload: 0)
    sim.schedule(record, at: SimTime(ms: 10), reservedSequence: reserved, payload: 2)
    sim.run()
    #expect(log.entries == ["0", "1", "2", "3"])
  }

  @Test func aReservedEventAtTheCurrentInstantGoesBeforeLaterFIFOEvents() {
    let sim = Simulator()
    let log = EventLog()
    let record = sim.register { _, payload in log.entries.append("\(payload)") }
    let start = sim.register { sim, _ in
      let reserved = sim.reserveSequence()
      // Same instant, normal priority: these two go to the FIFO.
      sim.schedule(record, at: sim.now, payload: 2)
      sim.schedule(record, at: sim.now, payload: 3)
      sim.schedule(record, at: sim.now, reservedSequence: reserved, payload: 1)
    }
    sim.schedule(start, at: SimTime(ms: 7))
    sim.run()
    #expect(log.entries == ["1", "2", "3"])
  }
}
