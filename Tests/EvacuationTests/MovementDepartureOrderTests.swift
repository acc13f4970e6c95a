import Evacuation
import SimKernel
import Testing

/// Departures wait outside the kernel's queue but keep the place among
/// same-instant events that they had as events of their own: a departure
/// runs after every event scheduled before its traveller was added and
/// before every event scheduled after, at its instant.
@Suite struct MovementDepartureOrderTests {
  /// One traveller per add, with a probe scheduled at its departure time
  /// just after the add: the probe must see exactly the persons whose
  /// departures come first by (time, order of adding).
  final class Probes {
    var adds: [(time: Int64, persons: Int)] = []
    var seen: [Int] = []
  }

  @Test func departuresTieWithOtherEventsInTheOrderTheyWereAdded() throws {
    let fixture = try MovementFixture(
      [.init(id: "ab", from: "a", to: "b", length: 100)], shelters: [("s", "b", nil, 0)])
    let probes = Probes()
    let network = fixture.network
    let simulator = fixture.simulator
    func add(departingAt seconds: Int64, persons: Int) {
      let time = max(seconds * 1000, simulator.now.ms)
      network.add(
        TravellerSpec(
          id: probes.adds.count, origin: fixture.node("a"), persons: persons, mode: .walk,
          departure: SimTime(ms: seconds * 1000)))
      let k = probes.adds.count
      probes.adds.append((time, persons))
      probes.seen.append(-1)
      simulator.schedule(after: SimTime(ms: time) - simulator.now) {
        probes.seen[k] = network.personsDeparted
      }
    }
    // A first batch before the run, in no time order, with ties.
    let instants: [Int64] = [40, 10, 30, 20, 10, 40, 20, 30, 10, 20]
    for (k, t) in instants.enumerated() { add(departingAt: t, persons: k + 1) }
    // A second batch during the run: some before the first batch's next
    // departure, some at the current instant, some tying with the first.
    simulator.schedule(after: SimTime(ms: 15_000)) {
      for (k, t) in ([15, 20, 12, 50, 15, 30, 17] as [Int64]).enumerated() {
        add(departingAt: t, persons: 100 * (k + 1))
      }
    }
    // A third, added at an instant where departures are still due.
    simulator.schedule(after: SimTime(ms: 20_000)) {
      for t in [20, 20, 25] as [Int64] { add(departingAt: t, persons: 7) }
    }
    simulator.run()
    let expected = probes.adds.indices.map { i in
      probes.adds.indices.filter { j in
        probes.adds[j].time < probes.adds[i].time
          || (probes.adds[j].time == probes.adds[i].time && j <= i)
      }.reduce(0) { $0 + probes.adds[$1].persons }
    }
    #expect(probes.seen == expected)
    #expect(network.personsDeparted == probes.adds.reduce(0) { $0 + $1.persons })
    #expect(network.personsSafe == network.personsDeparted)
    #expect(simulator.pendingCount == 0)
  }

  /// Many departures in one batch leave in time order, ties in the order added.
  @Test func aLargeBatchLeavesInKeyOrder() throws {
    let fixture = try MovementFixture(
      [.init(id: "ab", from: "a", to: "b", length: 100, mode: .road, capacity: 1e6)],
      shelters: [("s", "b", nil, 0)])
    var order: [Int] = []
    fixture.network.onLeave = { _, _, traveller in order.append(traveller) }
    let count = 5_000
    // Departures 0..<97 s, so each instant holds about 50 travellers.
    let departures = (0..<count).map { Int64(($0 &* 7_919) % 97) }
    for (k, t) in departures.enumerated() {
      fixture.network.add(
        TravellerSpec(
          id: k, origin: fixture.node("a"), persons: 1, mode: .drive,
          departure: SimTime(ms: t * 1000)))
    }
    fixture.simulator.run()
    let expected = (0..<count).sorted { (departures[$0], $0) < (departures[$1], $1) }
    #expect(order == expected)
  }
}
