import Logistics
import SimKernel
import Testing

@Suite("Deliveries")
struct DeliveryTests {
  /// One truck, 30 min each way: the first order arrives at 0.5 h, the
  /// truck is back at 1 h, the second order leaves then and arrives at
  /// 1.5 h; the truck is free again at 2 h.
  @Test("orders for one vehicle wait for it, first come first served")
  func ordersQueueForTheVehicle() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck", depot: f.depot, capacity: 500)
    try f.network.add(1_000, of: .food, at: f.depot)
    try f.network.deliver(400, of: .food, from: f.depot, to: f.shelter)
    try f.network.deliver(300, of: .food, from: f.depot, to: f.shelter)
    f.simulator.run()
    #expect(f.network.deliveries.map(\.departed) == [f.hours(0), f.hours(1)])
    #expect(f.network.deliveries.map(\.arrived) == [f.hours(0.5), f.hours(1.5)])
    #expect(f.network.vehicles[0].freeAt == f.hours(2))
    #expect(f.network.stock(of: .food, at: f.depot) == 300)
    #expect(f.network.stock(of: .food, at: f.shelter) == 700)
  }

  /// Two trucks: the second order takes the idle one and leaves at once.
  @Test("an order takes the depot's least busy vehicle")
  func leastBusyVehicle() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck1", depot: f.depot, capacity: 500)
    try f.network.addVehicle(id: "truck2", depot: f.depot, capacity: 500)
    try f.network.add(1_000, of: .food, at: f.depot)
    try f.network.deliver(400, of: .food, from: f.depot, to: f.shelter)
    try f.network.deliver(300, of: .food, from: f.depot, to: f.shelter)
    f.simulator.run()
    #expect(f.network.deliveries.map(\.vehicle) == [0, 1])
    #expect(f.network.deliveries.map(\.arrived) == [f.hours(0.5), f.hours(0.5)])
  }

  /// The depot holds 250: that is what leaves and arrives.
  @Test("a depot short of stock sends what it has")
  func partialLoad() throws {
    let f = try SupplyFixture()
    try f.network.addVehicle(id: "truck", depot: f.depot, capacity: 500)
    try f.network.add(250, of: .water, at: f.depot)
    try f.network.deliver(400, of: .water, from: f.depot, to: f.shelter)
    f.simulator.run()
    #expect(f.network.deliveries[0].loaded == 250)
    #expect(f.network.stock(of: .water, at: f.shelter) == 250)
  }

  @Test("errors name what is at fault")
  func errors() throws {
    let f = try SupplyFixture()
    #expect(throws: LogisticsError("depot depot", "has no vehicle")) {
      try f.network.deliver(1, of: .water, from: f.depot, to: f.shelter)
    }
    #expect(
      LogisticsError("vehicle v", "capacity must be positive").description
        == "vehicle v: capacity must be positive")
  }
}
