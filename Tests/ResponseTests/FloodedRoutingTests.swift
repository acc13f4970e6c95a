import Response
import SimKernel
import Testing
import Township

@Suite("Routing across flooded links")
struct FloodedRoutingTests {
  /// With st-x flooded, a car goes round by d (100 s + 100 s); a boat at
  /// 5 m/s crosses the 500 m flooded link in 100 s.
  @Test("a car routes around a flooded link; a boat crosses it")
  func carAroundBoatAcross() throws {
    let township = try ResponseFixtures.detour()
    let (_, network, _) = ResponseFixtures.centre(township, boatSpeed: 5)
    let st = try #require(township.nodeIndex(of: "st"))
    let x = try #require(township.nodeIndex(of: "x"))
    #expect(network.travelTime(from: st, to: x, by: .car, at: .zero) == 50)
    try network.set(.flooded, link: "stx")
    #expect(network.travelTime(from: st, to: x, by: .car, at: .zero) == 200)
    #expect(network.travelTime(from: st, to: x, by: .boat, at: .zero) == 100)
    try network.set(.flooded, link: "dx")
    #expect(network.travelTime(from: st, to: x, by: .car, at: .zero) == nil)
    #expect(network.travelTime(from: st, to: x, by: .boat, at: .zero) == 100)
    try network.set(.blocked, link: "stx")
    // Blocked for boats too; the boat floats d-x (1000 m / 5 m/s) after 100 s by road.
    #expect(network.travelTime(from: st, to: x, by: .boat, at: .zero) == 300)
  }

  @Test("a cut-off car team leaves the incident queued; a boat team reaches it")
  func dispatchAcrossFlood() throws {
    let township = try ResponseFixtures.detour()
    let (simulator, network, centre) = ResponseFixtures.centre(township, boatSpeed: 5)
    let st = try #require(township.nodeIndex(of: "st"))
    let x = try #require(township.nodeIndex(of: "x"))
    try network.set(.flooded, link: "stx")
    try network.set(.flooded, link: "dx")
    try centre.add(
      TeamSpec(
        id: "truck", kind: .fireRescue, station: st, skills: ["rescue"], onDutyCallOut: 60))
    try centre.report(
      Incident(id: "roof", kind: .trapped, node: x, requiredSkills: ["rescue"], work: .fixed(900)))
    #expect(centre.queue == [0])
    #expect(centre.blockedRoutes == 1)
    #expect(throws: ResponseError.self) { try centre.dispatch(team: 0, to: 0) }
    try centre.add(TeamSpec(id: "boat", kind: .waterRescue, station: st, onDutyCallOut: 120))
    simulator.run()
    let record = centre.incidents[0]
    #expect(record.team == 1)
    #expect(record.arrived == SimTime(ms: 220_000))
    #expect(record.completed == SimTime(ms: 1_120_000))
  }

  @Test("the nearest capable team is chosen by arrival time, not distance")
  func nearestByTime() throws {
    let township = try ResponseFixtures.detour()
    let (simulator, network, centre) = ResponseFixtures.centre(township, boatSpeed: 5)
    let st = try #require(township.nodeIndex(of: "st"))
    let d = try #require(township.nodeIndex(of: "d"))
    let x = try #require(township.nodeIndex(of: "x"))
    try network.set(.flooded, link: "stx")
    // Car at st: 60 + 200 s; car at d: 60 + 100 s.
    try centre.add(TeamSpec(id: "near", kind: .fireRescue, station: st, onDutyCallOut: 60))
    try centre.add(TeamSpec(id: "far", kind: .fireRescue, station: d, onDutyCallOut: 60))
    try centre.report(Incident(id: "fire", kind: .structureFire, node: x, work: .fixed(10)))
    simulator.run()
    #expect(centre.incidents[0].team == centre.team("far"))
    #expect(centre.incidents[0].arrived == SimTime(ms: 160_000))
  }
}
