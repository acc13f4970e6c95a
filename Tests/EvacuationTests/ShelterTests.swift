import Evacuation
import SimKernel
import Testing
import Township

/// Shelters: capacity and overflow, admission rate, opening time,
/// closure when threatened, and the headcount against the roster.
@Suite("Shelters")
struct ShelterTests {
  /// Near shelter 10 m away, far one 40 m the other way, walkers at 1 m/s.
  static func twoShelters(nearCapacity: Int?, opensAt: Double = 0) throws -> MovementFixture {
    try MovementFixture(
      [
        .init(id: "to-near", from: "home", to: "near", length: 10, capacity: 100, width: 10),
        .init(id: "to-far", from: "home", to: "far", length: 40, capacity: 100, width: 10),
      ],
      shelters: [("near", "near", nearCapacity, opensAt), ("far", "far", nil, 0)])
  }

  @Test func aFullShelterOverflowsToTheNextOne() throws {
    let fixture = try Self.twoShelters(nearCapacity: 9)
    var notices: [QueueNetwork.Notice] = []
    fixture.network.onNotice = { notices.append($0) }
    fixture.add(5, at: "home", persons: 2, speed: 1)
    fixture.simulator.run()
    // Four couples fill 8 of 9 places; the fifth does not fit: it walks
    // back 10 m and on 40 m to the far shelter.
    #expect(fixture.network.shelters.occupancy == [8, 2])
    #expect(fixture.outcomes.map(\.shelter) == [0, 0, 0, 0, 1])
    #expect(abs(fixture.arrivals[4] - (10.08 + 10 + 40)) < 1e-9)
    #expect(fixture.outcomes[4].rerouted)
    #expect(notices.contains(.shelterFull(0)))
    #expect(notices.last == .settled)
  }

  @Test func anAdmissionRateQueuesGroupsAtTheDoor() throws {
    let fixture = try Self.twoShelters(nearCapacity: 100)
    fixture.network.setAdmissionRate(0, 0.5)
    fixture.add(3, at: "home", persons: 2, speed: 1)
    fixture.simulator.run()
    // Arrivals at 10, 10.02, 10.04 s; each couple takes 2 / 0.5 = 4 s.
    #expect(fixture.arrivals == [14, 18, 22])
    #expect(fixture.network.shelters.peak == [6, 0])
  }

  @Test func earlyArrivalsWaitForTheOpening() throws {
    let fixture = try Self.twoShelters(nearCapacity: 100, opensAt: 60)
    var notices: [QueueNetwork.Notice] = []
    fixture.network.onNotice = { notices.append($0) }
    fixture.add(2, at: "home", speed: 1)
    fixture.simulator.run()
    #expect(fixture.arrivals == [60, 60])
    #expect(notices.first == .shelterOpened(0))
  }

  @Test func aThreatenedShelterClosesAndTravellersHeadingThereReRoute() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "home-x", from: "home", to: "x", length: 10, capacity: 100, width: 10),
        .init(id: "x-near", from: "x", to: "near", length: 10, capacity: 100, width: 10),
        .init(id: "x-far", from: "x", to: "far", length: 30, capacity: 100, width: 10),
      ],
      shelters: [("near", "near", nil, 0), ("far", "far", nil, 0)])
    var notices: [QueueNetwork.Notice] = []
    fixture.network.onNotice = { notices.append($0) }
    fixture.add(1, at: "home", speed: 1)
    fixture.simulator.schedule(after: SimTime(ms: 5_000)) { fixture.network.closeShelter(0) }
    fixture.simulator.run()
    #expect(fixture.outcomes[0].shelter == 1)
    #expect(fixture.arrivals == [40])
    #expect(fixture.outcomes[0].rerouted)
    #expect(notices.contains(.shelterClosed(0)))
  }

  @Test func theHeadcountComparesConfirmedArrivalsWithTheRoster() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "ab", from: "a", to: "b", length: 20, capacity: 100, width: 10),
        .init(id: "cd", from: "c", to: "d", length: 5),
      ],
      shelters: [("hall", "b", nil, 0)])
    fixture.add(2, at: "a", persons: 3, speed: 2)
    fixture.add(1, at: "c", persons: 4, speed: 2)
    fixture.simulator.run()
    let headcount = fixture.network.headcount
    #expect(headcount.expected == 10)
    #expect(headcount.confirmed == 6)
    #expect(headcount.missing == 4)
    #expect(headcount.completeAt == nil)
    let clearance = fixture.network.clearance()
    #expect(clearance.inPlace == 4)
    #expect(clearance.t50 == 10.03)
    #expect(clearance.t90 == nil)
  }

  @Test func theRosterIsCompleteWhenTheLastHouseholdIsConfirmed() throws {
    let fixture = try Self.twoShelters(nearCapacity: nil)
    fixture.add(2, at: "home", persons: 3, speed: 1, departure: 5)
    fixture.simulator.run()
    #expect(fixture.network.headcount.completeAt == 15.03)
    #expect(fixture.network.headcount.missing == 0)
  }
}
