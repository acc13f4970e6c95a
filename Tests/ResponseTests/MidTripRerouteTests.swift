import Response
import SimKernel
import Testing
import Township

/// A link that closes ahead of a team on its way: the team finishes the
/// link it is on and re-routes from the next node, or turns back there.
@Suite("Closures while a team is on its way")
struct MidTripRerouteTests {
  /// st --100 s-- a --100 s-- x, and round from a by d: a --100 s-- d
  /// --100 s-- x (1000 m links at 10 m/s).
  static func fork() throws -> Township {
    try ResponseFixtures.township(
      nodes: [("st", 0, 0), ("a", 1000, 0), ("x", 2000, 0), ("d", 1500, 800)],
      roads: [
        ("sta", "st", "a", 1000, 10), ("ax", "a", "x", 1000, 10), ("ad", "a", "d", 1000, 10),
        ("dx", "d", "x", 1000, 10),
      ])
  }

  /// A team at st (60 s turnout) sent to x at 0; `closing` close at
  /// `at` seconds.
  static func run(closing links: [String], at seconds: Int64) throws -> (
    DispatchCentre, [ResponseEvent]
  ) {
    let township = try fork()
    let (simulator, network, centre) = ResponseFixtures.centre(township)
    var events: [ResponseEvent] = []
    centre.observer = { events.append($0) }
    let st = try #require(township.nodeIndex(of: "st"))
    let x = try #require(township.nodeIndex(of: "x"))
    try centre.add(TeamSpec(id: "truck", kind: .fireRescue, station: st, onDutyCallOut: 60))
    try centre.report(Incident(id: "fire", kind: .structureFire, node: x, work: .fixed(300)))
    simulator.schedule(after: SimTime(ms: seconds * 1000)) {
      for link in links { try? network.set(.blocked, link: link) }
      centre.networkChanged()
    }
    simulator.run()
    return (centre, events)
  }

  /// Leaves at 60, on st-a until 160; a-x closes at 100: from a by d,
  /// 160 + 100 + 100 = 360 (instead of 260).
  @Test("a closure ahead re-routes the team from the next node")
  func reroutesFromNextNode() throws {
    let (centre, events) = try Self.run(closing: ["ax"], at: 100)
    #expect(centre.incidents[0].arrived == SimTime(ms: 360_000))
    #expect(centre.incidents[0].completed == SimTime(ms: 660_000))
    #expect(centre.reroutes == 1)
    #expect(centre.rerouteDelay == 100)
    #expect(events.contains(.rerouted(team: 0, incident: 0, arrival: SimTime(ms: 360_000))))
  }

  /// Still turning out at 30 s when a-x closes: it leaves st at 60 on the
  /// route by d, 60 + 300 = 360.
  @Test("a team still turning out takes the new route from its station")
  func reroutesDuringTurnout() throws {
    let (centre, _) = try Self.run(closing: ["ax"], at: 30)
    #expect(centre.incidents[0].arrived == SimTime(ms: 360_000))
    #expect(centre.reroutes == 1)
  }

  @Test("a closure off the route changes nothing")
  func closureOffRoute() throws {
    let (centre, _) = try Self.run(closing: ["dx"], at: 100)
    #expect(centre.incidents[0].arrived == SimTime(ms: 260_000))
    #expect(centre.reroutes == 0)
  }

  /// Both ways into x close at 100: the team reaches a at 160, has no
  /// route, turns back there (free, the incident queued again) and drives
  /// home, 100 s, at 260.
  @Test("with no route left the team turns back at the next node")
  func turnsBack() throws {
    let (centre, events) = try Self.run(closing: ["ax", "dx"], at: 100)
    let record = centre.incidents[0]
    #expect(record.arrived == nil)
    #expect(record.team == nil)
    #expect(centre.queue == [0])
    #expect(centre.blockedRoutes == 1)
    #expect(centre.teams[0].state == .available)
    #expect(events.contains(.routeBlocked(team: 0, incident: 0)))
    #expect(events.last == .returned(team: 0))
    // Busy from dispatch (0) until it turned back at a (160).
    #expect(centre.teams[0].busySeconds == 160)
  }
}
