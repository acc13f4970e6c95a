import Evacuation
import SimKernel
import Testing
import Township

/// Households that go home again: leaving the shelter frees its places,
/// the trip home runs on the live network, a cut way keeps them in, and
/// clearance stays measured to the first arrival.
@Suite("Going home")
struct MovementReturnTests {
  /// Home and a hall 100 m apart on a path; walkers at 1 m/s.
  static func homeAndHall(capacity: Int? = nil) throws -> MovementFixture {
    try MovementFixture(
      [.init(id: "way", from: "home", to: "hall", length: 100, capacity: 100, width: 10)],
      shelters: [("hall", "hall", capacity, 0)])
  }

  /// A returner (3 persons) and a stayer (2 persons, leaving at 50 s).
  static func add(
    to fixture: MovementFixture, returnAfter: Double = 600, dwell: Double? = nil
  ) {
    let home = fixture.node("home")
    fixture.network.add(
      TravellerSpec(
        id: 0, origin: home, persons: 3, mode: .walk, walkSpeed: 1, departure: .zero,
        returnAfter: SimTime(seconds: returnAfter), dwell: dwell.flatMap { SimTime(seconds: $0) }))
    fixture.network.add(
      TravellerSpec(
        id: 1, origin: home, persons: 2, mode: .walk, walkSpeed: 1,
        departure: SimTime(seconds: 50) ?? .zero))
  }

  /// A returner frees its places when it leaves and is home a trip later.
  ///
  /// The returner reaches the hall at 100 s and leaves it at 100 + 600 =
  /// 700 s: occupancy drops from 5 to 2 then (the series too), the
  /// shelter's followers see -3, and it is home after another 100 m at
  /// 1 m/s, at 800 s. T100 stays at 150 s, the stayer's first arrival.
  @Test func aReturnerLeavesTheShelterAndWalksHome() throws {
    let fixture = try Self.homeAndHall()
    Self.add(to: fixture)
    var changes: [(Double, Int)] = []
    fixture.network.onAdmit = { [simulator = fixture.simulator] _, persons in
      changes.append((simulator.now.seconds, persons))
    }
    var occupancy: [Int] = []
    for t in [699.0, 701.0] {
      fixture.simulator.schedule(after: SimTime(seconds: t) ?? .zero) {
        occupancy.append(fixture.network.shelters.occupancy[0])
      }
    }
    var notices: [QueueNetwork.Notice] = []
    fixture.network.onNotice = { notices.append($0) }
    fixture.simulator.run()
    #expect(occupancy == [5, 2])
    #expect(changes.map(\.0) == [100, 150, 700])
    #expect(changes.map(\.1) == [3, 2, -3])
    #expect(fixture.outcomes[0].state == .home)
    #expect(fixture.outcomes[0].settled?.seconds == 800)
    #expect(fixture.network.shelters.occupancy == [2])
    // Away: the returner from 0 s to 800 s, the stayer from 50 s on.
    #expect(fixture.network.travellersAway == 1)
    #expect(fixture.network.returners == [0])
    let drop = fixture.network.timeSeries.occupancy.first {
      $0.persons == 2 && $0.time.seconds > 150
    }
    #expect(drop?.time.seconds == 700)
    #expect(fixture.network.personsReturned == 3)
    #expect(fixture.network.householdsReturned == 1)
    let times = fixture.network.clearance()
    #expect(times.t100 == 150)
    #expect(times.safe == 5)
    #expect(notices.contains(.leftShelter(traveller: 0, shelter: 0)))
    #expect(notices.contains(.reachedHome(0)))
  }

  /// With a dwell of 300 s it sets off again at 800 + 300 = 1100 s and is
  /// back in the hall at 1200 s; its first arrival still counts.
  @Test func aReturnerComesBackAfterItsDwell() throws {
    let fixture = try Self.homeAndHall()
    Self.add(to: fixture, dwell: 300)
    fixture.simulator.run()
    #expect(fixture.outcomes[0].state == .safe)
    #expect(fixture.outcomes[0].settled?.seconds == 1200)
    #expect(fixture.network.shelters.occupancy == [5])
    #expect(fixture.network.cameBack == 1)
    #expect(fixture.network.clearance().t50 == 100)
  }

  /// The way home closes at 650 s: at 700 s the returner cannot leave and
  /// stays in the hall, counted.
  @Test func aReturnerWhoseWayIsCutStays() throws {
    let fixture = try Self.homeAndHall()
    Self.add(to: fixture)
    fixture.simulator.schedule(after: SimTime(seconds: 650) ?? .zero) {
      fixture.network.setClosed(link: fixture.link("way"), mode: .walk, true)
    }
    var notices: [QueueNetwork.Notice] = []
    fixture.network.onNotice = { notices.append($0) }
    fixture.simulator.run()
    #expect(fixture.outcomes[0].state == .safe)
    #expect(fixture.network.shelters.occupancy == [5])
    #expect(fixture.network.returnsBlocked == 1)
    #expect(fixture.network.personsReturned == 0)
    #expect(notices.contains(.returnBlocked(traveller: 0, shelter: 0)))
  }

  /// Cut on the way: the last 50 m home close while the returner is on
  /// them; it turns back and, with no way home left, makes for the hall
  /// again.
  @Test func aReturnerCutOffOnTheWayMakesForTheShelterAgain() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "hall-x", from: "hall", to: "x", length: 50, capacity: 100, width: 10),
        .init(id: "x-home", from: "x", to: "home", length: 50, capacity: 100, width: 10),
      ],
      shelters: [("hall", "hall", nil, 0)])
    Self.add(to: fixture)
    fixture.simulator.schedule(after: SimTime(seconds: 775) ?? .zero) {
      fixture.network.setClosed(link: fixture.link("x-home"), mode: .walk, true)
    }
    fixture.simulator.run()
    // Home at 100 s in the hall; leaves at 700, at x at 750, on x-home
    // when it closes at 775 (25 s in): back at x at 800, at the hall at 850.
    #expect(fixture.network.returnsDiverted == 1)
    #expect(fixture.outcomes[0].state == .safe)
    #expect(fixture.outcomes[0].settled?.seconds == 850)
    #expect(fixture.network.shelters.occupancy == [5])
  }

  /// A full hall admits again once a returner has left: full at 150 s (5
  /// of 5 places), it has room for 3 when the returner leaves at 700 s; a
  /// late group of 3 leaving home at 710 s is admitted at 810 s.
  @Test func leavingFreesPlacesInAFullShelter() throws {
    let fixture = try Self.homeAndHall(capacity: 5)
    Self.add(to: fixture)
    fixture.network.add(
      TravellerSpec(
        id: 2, origin: fixture.node("home"), persons: 3, mode: .walk, walkSpeed: 1,
        departure: SimTime(seconds: 710) ?? .zero))
    fixture.simulator.run()
    #expect(fixture.outcomes[2].state == .safe)
    #expect(fixture.outcomes[2].settled?.seconds == 810)
    #expect(fixture.network.shelters.occupancy == [5])
  }

  /// Sending everyone home empties the hall and keeps the waiting home.
  ///
  /// An all-clear (`sendHome`) at 400 s empties the hall now and keeps a
  /// household that has not set off at home. The two groups walk home
  /// together: the second leaves the path 3 persons / 100 per s = 0.03 s
  /// after the first. T50 (4.5 of 9 persons) is the stayer's first arrival.
  @Test func sendingHomeEmptiesTheShelterAndKeepsTheWaitingHome() throws {
    let fixture = try Self.homeAndHall()
    Self.add(to: fixture, returnAfter: 5000)
    fixture.network.add(
      TravellerSpec(
        id: 2, origin: fixture.node("home"), persons: 4, mode: .walk, walkSpeed: 1,
        departure: SimTime(seconds: 1000) ?? .zero))
    fixture.simulator.schedule(after: SimTime(seconds: 400) ?? .zero) {
      for t in 0..<3 { fixture.network.sendHome(t) }
    }
    fixture.simulator.run()
    #expect(fixture.outcomes.map(\.state) == [.home, .home, .home])
    #expect(fixture.outcomes.map { $0.settled?.seconds } == [500, 500.03, 400])
    #expect(fixture.network.shelters.occupancy == [0])
    #expect(fixture.network.personsDeparted == 5)
    #expect(fixture.network.clearance().t50 == 150)
  }
}
