import SimKernel
import Township

/// A delivery's round trips: load at the depot, drive out, unload, drive
/// back, as many times as the truck's capacity needs.
///
/// Each leg is a `RouteTrip` on the roads as they are when the truck sets
/// off, so a closure ahead of it can re-route it on the way
/// (SupplyNetwork+Rerouting). The whole order is taken from the depot at
/// departure; loads for later trips wait there, counted as the truck's
/// `remaining`.
extension SupplyNetwork {
  func depart(_ index: Int) {
    let delivery = deliveries[index]
    let now = simulator.now
    deliveries[index].departed = now
    let depotNode = sites[delivery.from].node
    let target = sites[delivery.to].node
    guard let out = roads.legs(from: depotNode, to: target) else {
      deliveries[index].blocked = true
      observer?(.blocked(delivery: index))
      startNext(vehicle: delivery.vehicle)
      return
    }
    let taken = (try? add(-delivery.amount, of: delivery.item, at: delivery.from)) ?? 0
    let loaded = -taken
    deliveries[index].loaded = loaded
    observer?(.departed(delivery: index))
    let vehicle = delivery.vehicle
    let capacity = vehicles[vehicle].capacity
    let trips = max(1, Int((loaded / capacity).rounded(.up)))
    // The planned return, should nothing close: every round trip on
    // today's roads (the way back as the way out if it has no route).
    let go = out.last?.seconds ?? 0
    let back = roads.legs(from: target, to: depotNode)?.last?.seconds ?? go
    vehicles[vehicle].isBusy = true
    vehicles[vehicle].delivery = index
    vehicles[vehicle].remaining = loaded
    vehicles[vehicle].freeAt = now + (SimTime(seconds: (go + back) * Double(trips)) ?? .zero)
    startTrip(vehicle, on: out)
  }

  /// Loads the next trip's share and drives it out on `legs`.
  func startTrip(_ vehicle: Int, on legs: [RouteLeg]) {
    let load = min(vehicles[vehicle].capacity, vehicles[vehicle].remaining)
    vehicles[vehicle].remaining -= load
    vehicles[vehicle].carrying = load
    vehicles[vehicle].trips += 1
    vehicles[vehicle].leg = .outbound
    drive(vehicle, from: sites[vehicles[vehicle].depot].node, on: legs, start: simulator.now)
  }

  /// Puts a vehicle on a route from `node`, leaving at `start` (now or
  /// when it reaches that node), and schedules its arrival.
  func drive(_ vehicle: Int, from node: Int, on legs: [RouteLeg], start: SimTime) {
    if let timer = vehicles[vehicle].timer { simulator.cancel(timer) }
    vehicles[vehicle].isStranded = false
    vehicles[vehicle].trip = RouteTrip(origin: node, start: start, legs: legs)
    vehicles[vehicle].timer = simulator.schedule(
      after: vehicles[vehicle].trip.arrival - simulator.now
    ) { [unowned self] in self.reached(vehicle) }
  }

  /// A vehicle is at the end of its route: it unloads and heads back, or
  /// is back at its depot.
  func reached(_ vehicle: Int) {
    vehicles[vehicle].timer = nil
    vehicles[vehicle].trip.legs = []
    guard let index = vehicles[vehicle].delivery else { return }
    let delivery = deliveries[index]
    let depotNode = sites[delivery.from].node
    let target = sites[delivery.to].node
    let now = simulator.now
    switch vehicles[vehicle].leg {
    case .outbound:
      let load = vehicles[vehicle].carrying
      _ = try? add(load, of: delivery.item, at: delivery.to)
      sites[delivery.to].lines[delivery.item.slot].delivered += load
      vehicles[vehicle].carrying = 0
      if vehicles[vehicle].remaining <= 0 {
        deliveries[index].arrived = now
        observer?(.arrived(delivery: index))
      }
      vehicles[vehicle].leg = .inbound
      guard let back = roads.legs(from: target, to: depotNode) else {
        strand(vehicle, at: target, from: now)
        return
      }
      drive(vehicle, from: target, on: back, start: now)
    case .inbound:
      guard vehicles[vehicle].remaining > 0 else { return finish(vehicle) }
      guard let out = roads.legs(from: depotNode, to: target) else {
        fail(index, "every road to \(sites[delivery.to].id) closed before its last loads")
        observer?(.turnedBack(delivery: index, arrival: now))
        return finish(vehicle)
      }
      startTrip(vehicle, on: out)
    case .turnedBack:
      let load = vehicles[vehicle].carrying
      _ = try? add(load, of: delivery.item, at: delivery.from)
      deliveries[index].returned += load
      vehicles[vehicle].carrying = 0
      finish(vehicle)
    }
  }

  /// Marks a delivery failed and puts the loads not yet on the road back
  /// into the depot's stock (they never left it).
  func fail(_ index: Int, _ reason: String) {
    let delivery = deliveries[index]
    deliveries[index].failure = reason
    let vehicle = delivery.vehicle
    let waiting = vehicles[vehicle].remaining
    vehicles[vehicle].remaining = 0
    guard waiting > 0 else { return }
    _ = try? add(waiting, of: delivery.item, at: delivery.from)
    deliveries[index].returned += waiting
  }

  /// A vehicle back at its depot is free for its next order.
  func finish(_ vehicle: Int) {
    vehicles[vehicle].isBusy = false
    vehicles[vehicle].delivery = nil
    vehicles[vehicle].freeAt = simulator.now
    startNext(vehicle: vehicle)
  }
}
