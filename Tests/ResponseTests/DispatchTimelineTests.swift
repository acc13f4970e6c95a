import Response
import SimKernel
import Testing
import Township

@Suite("Dispatch timeline")
struct DispatchTimelineTests {
  /// One team, two incidents, every time by hand.
  ///
  /// One team at s (turnout 60 s), incident A at a (work 600 s) at t = 0,
  /// incident B at b (work 300 s) at t = 30 s. Links take 100 s each.
  /// A: dispatch 0, arrive 60 + 100 = 160, done 760. B waits; the team
  /// leaves a at 760 with no turnout: arrive 860, done 1160; home at
  /// 1160 + 200 = 1360.
  @Test("one team, two incidents: exact response and completion times")
  func oneTeamTwoIncidents() throws {
    let township = try ResponseFixtures.line()
    let (simulator, _, centre) = ResponseFixtures.centre(township)
    let station = try #require(township.nodeIndex(of: "s"))
    let a = try #require(township.nodeIndex(of: "a"))
    let b = try #require(township.nodeIndex(of: "b"))
    try centre.add(
      TeamSpec(id: "t1", kind: .fireRescue, station: station, onDutyCallOut: 60))
    var events: [ResponseEvent] = []
    centre.observer = { events.append($0) }
    try centre.report(Incident(id: "A", kind: .structureFire, node: a, work: .fixed(600)))
    simulator.schedule(after: SimTime(ms: 30_000)) {
      _ = try? centre.report(Incident(id: "B", kind: .structureFire, node: b, work: .fixed(300)))
    }
    simulator.run(until: SimTime(ms: 2_000_000))

    let first = centre.incidents[0]
    let second = centre.incidents[1]
    #expect(first.dispatched == SimTime(ms: 0))
    #expect(first.arrived == SimTime(ms: 160_000))
    #expect(first.completed == SimTime(ms: 760_000))
    #expect(second.alarm == SimTime(ms: 30_000))
    #expect(second.dispatched == SimTime(ms: 760_000))
    #expect(second.arrived == SimTime(ms: 860_000))
    #expect(second.completed == SimTime(ms: 1_160_000))
    #expect(centre.teams[0].state == .available)
    #expect(centre.teams[0].node == station)
    #expect(events.contains(.returned(team: 0)))

    let metrics = Dictionary(
      uniqueKeysWithValues: centre.metrics(at: simulator.now).map { ($0.name, $0.value) })
    // Responses 160 s and 830 s.
    #expect(metrics["response.mean_s"] == (160.0 + 830.0) / 2)
    #expect(metrics["response.p90_s"] == 830)
    #expect(metrics["response.dispatch_mean_s"] == (0.0 + 730.0) / 2)
    #expect(metrics["response.completion_mean_s"] == (760.0 + 1130.0) / 2)
    // Busy 0..1160 of 2000 s.
    #expect(metrics["teams.utilisation"] == 1160.0 / 2000.0)
    #expect(metrics["teams.idle_s"] == 2000.0 - 1160.0)
    // B waited 30..760 alone in the queue.
    #expect(metrics["response.backlog_max"] == 1)
    let backlog = try #require(metrics["response.backlog_mean"])
    #expect(abs(backlog - 730.0 / 2000.0) < 1e-12)
  }

  @Test("an off-duty team turns out with its off-duty delay")
  func offDutyCallOut() throws {
    let township = try ResponseFixtures.line()
    let (simulator, _, centre) = ResponseFixtures.centre(township)
    centre.clockAtStart = 2 * 3600  // 02:00 at the start
    let roster = DutyRoster(shifts: [(start: 8 * 3600, end: 20 * 3600)])
    try centre.add(
      TeamSpec(
        id: "militia", kind: .militia, station: 0, roster: roster, onDutyCallOut: 600,
        offDutyCallOut: 1800))
    try centre.report(Incident(id: "help", kind: .assistance, node: 1, work: .fixed(60)))
    simulator.run()
    // Off duty at 02:00: 1800 s to turn out, then 100 s on the road.
    #expect(centre.incidents[0].arrived == SimTime(ms: 1_900_000))
  }

  @Test("higher priority goes first when a team frees up")
  func priorityOrder() throws {
    let township = try ResponseFixtures.line()
    let (simulator, _, centre) = ResponseFixtures.centre(township)
    try centre.add(TeamSpec(id: "t", kind: .militia, station: 0, onDutyCallOut: 0))
    try centre.report(Incident(id: "busy", kind: .assistance, node: 0, work: .fixed(100)))
    try centre.report(
      Incident(id: "low", kind: .assistance, node: 1, priority: 3, work: .fixed(10)))
    try centre.report(
      Incident(id: "high", kind: .assistance, node: 2, priority: 1, work: .fixed(10)))
    simulator.run()
    let low = try #require(centre.incident("low"))
    let high = try #require(centre.incident("high"))
    // high leaves s at 100 and arrives at b after 200 s; low follows from b.
    #expect(centre.incidents[high].arrived == SimTime(ms: 300_000))
    #expect(centre.incidents[low].dispatched == SimTime(ms: 310_000))
    #expect(centre.incidents[low].arrived == SimTime(ms: 410_000))
  }

  @Test("a reinforcement joins after its delay and takes the queued incident")
  func reinforcement() throws {
    let township = try ResponseFixtures.line()
    let (simulator, _, centre) = ResponseFixtures.centre(township)
    try centre.report(Incident(id: "fire", kind: .structureFire, node: 1, work: .fixed(60)))
    #expect(centre.queue == [0])
    try centre.requestReinforcement(
      TeamSpec(id: "county1", kind: .fireRescue, station: 2, onDutyCallOut: 60),
      after: SimTime(ms: 3_600_000))
    simulator.run()
    // Arrives at b at 3600 s, leaves without turnout, 100 s to a.
    #expect(centre.incidents[0].dispatched == SimTime(ms: 3_600_000))
    #expect(centre.incidents[0].arrived == SimTime(ms: 3_700_000))
    let metrics = centre.metrics(at: simulator.now)
    #expect(metrics.first { $0.name == "response.reinforcements" }?.value == 1)
  }
}
