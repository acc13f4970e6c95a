import Logistics
import SimKernel
import Testing
import Township

/// A truck whose route closes ahead of it: it finishes the link it is on
/// and takes the detour from the next node, or turns back there.
@Suite("Deliveries re-routed on the way")
struct DeliveryRerouteTests {
  /// A road of three links with a two-link detour round the middle one.
  ///
  /// depot D --l1-- A --l2-- B --l3-- shelter S, each link 1 km at
  /// 10 m/s (100 s), and a detour A --l4-- C --l5-- B of two more such
  /// links. One truck (1,000 units a trip) at D; the depot holds 1,000 L
  /// of water; the shelter holds 600 L for 100 persons using 3 L an hour
  /// each, so it runs out at 2 h if nothing comes.
  struct Road {
    let simulator = Simulator()
    let router: Router
    let network: SupplyNetwork
    let depot: Int
    let shelter: Int

    init() throws {
      let township = try Township(
        nodes: [
          Node(id: "D", position: MapPoint(x: 0, y: 0)),
          Node(id: "A", position: MapPoint(x: 1_000, y: 0)),
          Node(id: "B", position: MapPoint(x: 2_000, y: 0)),
          Node(id: "S", position: MapPoint(x: 3_000, y: 0)),
          Node(id: "C", position: MapPoint(x: 1_500, y: 800)),
        ],
        links: [
          Link(id: "l1", from: 0, to: 1, length: 1_000, mode: .road, speed: 10, capacity: 1),
          Link(id: "l2", from: 1, to: 2, length: 1_000, mode: .road, speed: 10, capacity: 1),
          Link(id: "l3", from: 2, to: 3, length: 1_000, mode: .road, speed: 10, capacity: 1),
          Link(id: "l4", from: 1, to: 4, length: 1_000, mode: .road, speed: 10, capacity: 1),
          Link(id: "l5", from: 4, to: 2, length: 1_000, mode: .road, speed: 10, capacity: 1),
        ])
      router = Router(township: township, mode: .drive)
      network = SupplyNetwork(simulator: simulator, roads: router)
      depot = try network.addDepot(id: "depot", node: 0)
      shelter = try network.addShelter(
        id: "school", node: 3, consumption: [ConsumptionRate(.water, perPersonPerHour: 3)])
      try network.addVehicle(id: "truck", depot: depot, capacity: 1_000)
      try network.add(1_000, of: .water, at: depot)
      try network.add(600, of: .water, at: shelter)
      try network.setOccupancy(100, at: shelter)
    }

    /// Orders 500 L at 0 and closes `links` at 50 s (the truck is half
    /// way along l1); returns the events with their times.
    func run(closing links: [String]) throws -> [(SimTime, SupplyEvent)] {
      var events: [(SimTime, SupplyEvent)] = []
      network.observer = { [simulator] event in events.append((simulator.now, event)) }
      try network.deliver(500, of: .water, from: depot, to: shelter)
      simulator.schedule(after: SimTime(ms: 50_000)) { [router, network] in
        for link in links { router.close(linkID: link) }
        network.networkChanged()
      }
      simulator.run(until: SimTime(ms: 3 * 3_600_000))
      return events
    }
  }

  /// At A at 100 s, then A-C-B-S: 100 + 300 = 400 s (instead of 300).
  ///
  /// Back from S at 400 by B-C-A-D (l2 still closed): 400 + 400 = 800 s.
  @Test("a closure ahead sends the truck round by the detour from the next node")
  func detour() throws {
    let road = try Road()
    let events = try road.run(closing: ["l2"])
    let delivery = road.network.deliveries[0]
    #expect(delivery.arrived == SimTime(ms: 400_000))
    #expect(delivery.reroutes == 1)
    #expect(delivery.rerouteDelay == 100)
    #expect(delivery.failure == nil)
    #expect(road.network.vehicles[0].freeAt == SimTime(ms: 800_000))
    #expect(road.network.vehicles[0].isBusy == false)
    #expect(road.network.stock(of: .water, at: road.depot) == 500)
    #expect(
      events.contains { time, event in
        time == SimTime(ms: 50_000)
          && event == .rerouted(delivery: 0, arrival: SimTime(ms: 400_000))
      })
    let metrics = Dictionary(
      uniqueKeysWithValues: road.network.metrics(at: SimTime(ms: 800_000)).map {
        ($0.name, $0.value)
      })
    #expect(metrics["supply.reroutes"] == 1)
    #expect(metrics["supply.reroute_delay_s"] == 100)
    #expect(metrics["supply.deliveries_failed"] == 0)
    #expect(metrics["supply.water.delivered"] == 500)
  }

  /// l2 and l4 close: at A at 100 s no road on is left.
  ///
  /// The truck turns back there, A-D, and is home at 200 s with the 500 L, which are the
  /// depot's again. The shelter got nothing: it still runs out at 2 h.
  @Test("with no road on the truck turns back and the stock returns to the depot")
  func turnsBack() throws {
    let road = try Road()
    let events = try road.run(closing: ["l2", "l4"])
    let delivery = road.network.deliveries[0]
    #expect(delivery.arrived == nil)
    #expect(delivery.failure == "every road to school closed on the way")
    #expect(delivery.returned == 500)
    #expect(road.network.vehicles[0].freeAt == SimTime(ms: 200_000))
    #expect(road.network.vehicles[0].isBusy == false)
    #expect(road.network.stock(of: .water, at: road.depot) == 1_000)
    #expect(road.network.sites[road.shelter].firstRunOut(of: .water) == SimTime(ms: 7_200_000))
    #expect(
      events.map(\.1) == [
        .departed(delivery: 0), .turnedBack(delivery: 0, arrival: SimTime(ms: 200_000)),
        .ranOut(site: road.shelter, item: .water),
      ])
    let metrics = Dictionary(
      uniqueKeysWithValues: road.network.metrics(at: SimTime(ms: 3 * 3_600_000)).map {
        ($0.name, $0.value)
      })
    #expect(metrics["supply.deliveries_failed"] == 1)
    #expect(metrics["supply.reroutes"] == 0)
    #expect(metrics["supply.water.delivered"] == nil || metrics["supply.water.delivered"] == 0)
  }

  @Test("a closure off the route changes nothing")
  func closureOffRoute() throws {
    let road = try Road()
    _ = try road.run(closing: ["l4"])
    #expect(road.network.deliveries[0].arrived == SimTime(ms: 300_000))
    #expect(road.network.deliveries[0].reroutes == 0)
    #expect(road.network.vehicles[0].freeAt == SimTime(ms: 600_000))
  }
}
