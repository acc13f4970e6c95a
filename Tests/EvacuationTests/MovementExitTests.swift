import Evacuation
import SimKernel
import Testing
import Township

/// RiMEA test 9 / IMO test 9 (reference/evacuation.md §1.1): 1000 persons
/// spread evenly over a 30 x 20 m hall with four 1 m exits on its long
/// walls; closing two exits should about double the time (JuPedSim accepts
/// a ratio of 1.6 to 2.4).
@Suite("Movement: exits and closures")
struct MovementExitTests {
  /// The hall as a 6 x 4 lattice of 5 m cells (1000 persons spread over
  /// its 24 nodes), each exit a 1 m door (1.33 p/s) from a wall node to a
  /// shelter outside.
  static func hall(openExits: Int) throws -> MovementFixture {
    var arcs: [MovementFixture.Arc] = []
    func cell(_ c: Int, _ r: Int) -> String { "c\(c)r\(r)" }
    for c in 0..<6 {
      for r in 0..<4 {
        if c + 1 < 6 {
          arcs.append(
            .init(
              id: "\(cell(c, r))e", from: cell(c, r), to: cell(c + 1, r), length: 5, capacity: 6.5,
              width: 5))
        }
        if r + 1 < 4 {
          arcs.append(
            .init(
              id: "\(cell(c, r))n", from: cell(c, r), to: cell(c, r + 1), length: 5, capacity: 6.5,
              width: 5))
        }
      }
    }
    // Exits: two on the south wall, two on the north wall; the north ones close.
    let doors = [(1, 0, "s1"), (4, 0, "s2"), (1, 3, "n1"), (4, 3, "n2")]
    var shelters: [(id: String, node: String, capacity: Int?, opensAt: Double)] = []
    for (k, door) in doors.enumerated() where k < openExits {
      arcs.append(
        .init(
          id: "door-\(door.2)", from: cell(door.0, door.1), to: "out-\(door.2)", length: 1,
          capacity: 1.33, width: 1))
      shelters.append(("yard-\(door.2)", "out-\(door.2)", nil, 0))
    }
    let fixture = try MovementFixture(arcs, shelters: shelters)
    var id = 0
    for c in 0..<6 {
      for r in 0..<4 {
        let persons = 1000 / 24 + (c * 4 + r < 1000 % 24 ? 1 : 0)
        fixture.add(persons, at: cell(c, r), firstID: id)
        id += persons
      }
    }
    return fixture
  }

  @Test func closingTwoOfFourExitsAboutDoublesTheTime() throws {
    var times: [Double] = []
    for exits in [4, 2] {
      let fixture = try Self.hall(openExits: exits)
      fixture.simulator.run()
      #expect(fixture.network.personsSafe == 1000)
      times.append(try #require(fixture.network.clearance().t100))
    }
    let ratio = times[1] / times[0]
    #expect(ratio >= 1.6 && ratio <= 2.4, "4 exits \(times[0]) s, 2 exits \(times[1]) s")
  }

  /// NIST TN 1822 test 4.1: exit 1 closes at t = 1 s.
  ///
  /// Nobody uses it afterwards, and those on the way re-route. Walkers at 1 m/s on the
  /// 20 m corridor to exit 1 turn back after 1 s, are at the room again at
  /// 2 s and walk the 30 m to exit 2: 32 s, then one every 1/100 s (the
  /// corridor's flow capacity).
  @Test func aLinkClosedAtOneSecondCarriesNoFlowAndTravellersReRoute() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "corridor1", from: "room", to: "exit1", length: 20, capacity: 100, width: 10),
        .init(id: "corridor2", from: "room", to: "exit2", length: 30, capacity: 100, width: 10),
      ],
      shelters: [("yard1", "exit1", nil, 0), ("yard2", "exit2", nil, 0)])
    var leftCorridor1: [Double] = []
    let corridor1 = fixture.link("corridor1")
    fixture.network.onLeave = { [simulator = fixture.simulator] link, _, _ in
      if link == corridor1 { leftCorridor1.append(simulator.now.seconds) }
    }
    fixture.add(10, at: "room", speed: 1)
    fixture.simulator.schedule(after: SimTime(ms: 1000)) {
      fixture.network.setClosed(link: corridor1, mode: .walk, true)
    }
    fixture.simulator.run()
    #expect(leftCorridor1.isEmpty)
    #expect(fixture.outcomes.allSatisfy { $0.shelter == 1 && $0.rerouted })
    #expect(fixture.arrivals.enumerated().allSatisfy { abs($1 - 32 - Double($0) / 100) < 1e-9 })
    #expect(fixture.network.turnedBack == 10)
  }

  /// Everyone cut off: every route closed while they walk; they turn back
  /// and shelter in place, and the run ends.
  @Test func everyRouteCutMeansEveryoneSheltersInPlaceAndTheRunEnds() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "ab", from: "a", to: "b", length: 50),
        .init(id: "bc", from: "b", to: "c", length: 50),
        .init(id: "ad", from: "a", to: "d", length: 80),
      ],
      shelters: [("s1", "c", nil, 0), ("s2", "d", nil, 0)])
    fixture.add(5, at: "a", persons: 2, speed: 1)
    fixture.add(3, at: "b", speed: 1, departure: 20)
    fixture.simulator.schedule(after: SimTime(ms: 10_000)) {
      for link in ["bc", "ad"] {
        fixture.network.setClosed(link: fixture.link(link), mode: .walk, true)
      }
    }
    fixture.simulator.run()
    #expect(fixture.simulator.pendingCount == 0)
    #expect(fixture.outcomes.allSatisfy { $0.state == .inPlace })
    #expect(fixture.network.personsInPlace == 13)
    #expect(fixture.network.clearance().t100 == nil)
    #expect(fixture.network.strandedCount == 8)
  }
}
