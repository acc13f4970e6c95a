import Logistics
import SimKernel
import Testing
import Township

/// A depot and a shelter 30 min apart by road (18 km at 10 m/s), with a
/// second, slower road (60 min) to close the first.
///
/// An `observer` set on `network` captures the parts it needs, never the
/// fixture: the fixture holds the network, so a closure holding the fixture
/// would form a cycle that leaks the network and the simulator.
struct SupplyFixture {
  let simulator = Simulator()
  let router: Router
  let network: SupplyNetwork
  let depot: Int
  let shelter: Int

  init(consumption: [ConsumptionRate] = [ConsumptionRate(.water, perPersonPerHour: 3)]) throws {
    let township = try Township(
      nodes: [
        Node(id: "D", position: MapPoint(x: 0, y: 0)),
        Node(id: "S", position: MapPoint(x: 18_000, y: 0)),
      ],
      links: [
        Link(id: "fast", from: 0, to: 1, length: 18_000, mode: .road, speed: 10, capacity: 1),
        Link(id: "slow", from: 0, to: 1, length: 36_000, mode: .road, speed: 10, capacity: 1),
      ])
    let router = Router(township: township, mode: .drive)
    self.router = router
    network = SupplyNetwork(simulator: simulator, roads: router)
    depot = try network.addDepot(id: "depot", node: 0)
    shelter = try network.addShelter(id: "school", node: 1, consumption: consumption)
  }

  func hours(_ h: Double) -> SimTime { SimTime(ms: Int64(h * 3_600_000)) }
}

@Suite("Shelter consumption")
struct ShelterConsumptionTests {
  /// 100 persons x 3 L/h = 300 L/h; 600 L last 2 h.
  @Test("100 people at 3 L/h with 600 L run out at exactly 2 h")
  func runOutAtTwoHours() throws {
    let f = try SupplyFixture()
    try f.network.add(600, of: .water, at: f.shelter)
    try f.network.setOccupancy(100, at: f.shelter)
    var outAt: [SimTime] = []
    f.network.observer = { [simulator = f.simulator] event in
      if case .ranOut = event { outAt.append(simulator.now) }
    }
    f.simulator.run(until: f.hours(3))
    #expect(outAt == [f.hours(2)])
    #expect(f.network.sites[f.shelter].firstRunOut(of: .water) == f.hours(2))
    // 1 h empty x 100 persons.
    let metrics = Dictionary(
      uniqueKeysWithValues: f.network.metrics(at: f.hours(3)).map { ($0.name, $0.value) })
    #expect(metrics["supply.shortfall_person_h"] == 100)
    #expect(metrics["supply.water.demanded"] == 900)
    #expect(metrics["supply.school.water.runout_s"] == 7200)
  }

  /// Ordered at 1 h, 30 min on the road: 1,200 L arrive at 1.5 h, when
  /// 600 - 1.5 x 300 = 150 L are left; 1,350 L last 4.5 h more: 6 h.
  @Test("a delivery of 1,200 L at 1.5 h moves the run-out to 6 h")
  func deliveryMovesRunOut() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck", depot: f.depot, capacity: 2_000)
    try f.network.add(5_000, of: .water, at: f.depot)
    try f.network.add(600, of: .water, at: f.shelter)
    try f.network.setOccupancy(100, at: f.shelter)
    f.simulator.schedule(after: f.hours(1)) {
      _ = try? f.network.deliver(1_200, of: .water, from: f.depot, to: f.shelter)
    }
    var outAt: [SimTime] = []
    f.network.observer = { [simulator = f.simulator, shelter = f.shelter] event in
      if case .ranOut(let site, _) = event, site == shelter { outAt.append(simulator.now) }
    }
    f.simulator.run(until: f.hours(1.5))
    #expect(f.network.stock(of: .water, at: f.shelter) == 1_350)
    #expect(f.network.stock(of: .water, at: f.depot) == 3_800)
    f.simulator.run(until: f.hours(8))
    #expect(outAt == [f.hours(6)])
    #expect(f.network.deliveries[0].arrived == f.hours(1.5))
    let metrics = Dictionary(
      uniqueKeysWithValues: f.network.metrics(at: f.hours(8)).map { ($0.name, $0.value) })
    #expect(metrics["supply.water.delivered"] == 1_200)
    #expect(metrics["supply.shortfall_person_h"] == 200)
  }

  /// With "fast" closed the truck takes the 60 min road; with both closed
  /// the delivery is blocked and the depot keeps its stock.
  @Test("closures re-route deliveries or block them")
  func closures() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck", depot: f.depot, capacity: 500)
    try f.network.add(1_000, of: .water, at: f.depot)
    f.router.close(linkID: "fast")
    // 1,000 L in two loads: arrive 1 h and 1 h + 2 h round trip = 3 h.
    try f.network.deliver(1_000, of: .water, from: f.depot, to: f.shelter)
    f.simulator.run(until: f.hours(1))
    #expect(f.network.stock(of: .water, at: f.shelter) == 500)
    f.simulator.run(until: f.hours(3))
    #expect(f.network.stock(of: .water, at: f.shelter) == 1_000)
    #expect(f.network.vehicles[0].freeAt == f.hours(4))
    f.router.close(linkID: "slow")
    try f.network.add(100, of: .water, at: f.depot)
    try f.network.deliver(100, of: .water, from: f.depot, to: f.shelter)
    f.simulator.run(until: f.hours(5))
    #expect(f.network.deliveries[1].blocked)
    #expect(f.network.deliveries[1].departed == f.hours(4))
    #expect(f.network.stock(of: .water, at: f.depot) == 100)
  }

  /// 50 persons x 3 L/h = 150 L/h; 600 L fall below 150 L after 3 h.
  @Test("low stock is reported when the level crosses the threshold")
  func lowStock() throws {
    let f = try SupplyFixture()
    try f.network.add(600, of: .water, at: f.shelter)
    try f.network.setOccupancy(50, at: f.shelter)
    try f.network.setLowStockThreshold(150, of: .water, at: f.shelter)
    var lowAt: [SimTime] = []
    f.network.observer = { [simulator = f.simulator] event in
      if case .lowStock = event { lowAt.append(simulator.now) }
    }
    f.simulator.run(until: f.hours(5))
    #expect(lowAt == [f.hours(3)])
  }

  /// Occupied at 0 with no water; the reserve (lead 8 h) reaches the depot,
  /// a truck brings it 30 min later: needs met at 8.5 h, within 10 h.
  @Test("an agreement reserve arrives after its lead time; the 10 h target is rated")
  func reserveAndBasicNeeds() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck", depot: f.depot, capacity: 5_000)
    let reserve = try f.network.addReserve(
      id: "r1", supplier: "grocer", item: .water, amount: 3_000, leadTime: f.hours(8),
      depot: f.depot)
    try f.network.setOccupancy(100, at: f.shelter)
    try f.network.callOff(reserve: reserve)
    f.network.observer = { [unowned network = f.network, depot = f.depot, shelter = f.shelter] in
      if case .reserveArrived = $0 {
        _ = try? network.deliver(3_000, of: .water, from: depot, to: shelter)
      }
    }
    f.simulator.run(until: f.hours(12))
    #expect(f.network.sites[f.shelter].needsMetSince == f.hours(8.5))
    let metrics = Dictionary(
      uniqueKeysWithValues: f.network.metrics(at: f.hours(12)).map { ($0.name, $0.value) })
    #expect(metrics["supply.basic_needs_s"] == 8.5 * 3600)
    #expect(metrics["supply.basic_needs_10h"] == 1)
    // 8.5 h without water for 100 persons.
    #expect(metrics["supply.shortfall_person_h"] == 850)
  }
}
