import SimKernel
import Township

/// Trucks on their way when a link closes.
///
/// The same rule as the response teams' (DispatchCentre+Rerouting), on the
/// same `RouteTrip`: a truck keeps its route until a link ahead of it
/// closes; it cannot turn on a link, so it finishes the one it is on and,
/// from the node at its end, takes the fastest route open then. With none
/// left to the destination it turns back there: the delivery fails with
/// its reason, the truck drives its load back to the depot and the stock
/// is returned there on arrival (loads still waiting at the depot for
/// later trips at once). The shelter's stock and its run-out clock are
/// untouched: it simply gets nothing. A truck with no road back to its
/// depot either waits where it stopped until a change of the network
/// opens one. A link that opens changes no route already under way.
///
/// The decision after the cut differs from a team's (a team is free where
/// it stopped and its incident is queued again; a truck has stock to
/// bring home), so only finding the cut is shared.
extension SupplyNetwork {
  /// Re-checks every truck on its way against the roads as they are now;
  /// call after links changed state.
  public func networkChanged() {
    let now = simulator.now
    for vehicle in vehicles.indices where vehicles[vehicle].isBusy {
      if vehicles[vehicle].isStranded {
        resume(vehicle, at: now)
        continue
      }
      guard !vehicles[vehicle].trip.legs.isEmpty,
        let turn = vehicles[vehicle].trip.nextTurn(at: now)
      else { continue }
      let roads = roads
      let cut = RouteTrip.isCut(from: turn.node, ahead: turn.ahead) { link, _ in
        !roads.isClosed(linkIndex: link)
      }
      if cut { reroute(vehicle, from: turn.node, at: turn.time) }
    }
  }

  /// Re-routes (by the time it is at `node`) a truck whose route ahead
  /// closed, or turns it back there.
  func reroute(_ vehicle: Int, from node: Int, at time: SimTime) {
    guard let index = vehicles[vehicle].delivery else { return }
    let delivery = deliveries[index]
    let before = vehicles[vehicle].trip.arrival
    let outbound = vehicles[vehicle].leg == .outbound
    let target = outbound ? sites[delivery.to].node : sites[delivery.from].node
    if let legs = roads.legs(from: node, to: target) {
      drive(vehicle, from: node, on: legs, start: time)
      let arrival = vehicles[vehicle].trip.arrival
      deliveries[index].reroutes += 1
      deliveries[index].rerouteDelay += (arrival - before).seconds
      observer?(.rerouted(delivery: index, arrival: arrival))
      return
    }
    guard outbound else { return strand(vehicle, at: node, from: time) }
    fail(index, "every road to \(sites[delivery.to].id) closed on the way")
    vehicles[vehicle].leg = .turnedBack
    guard let back = roads.legs(from: node, to: sites[delivery.from].node) else {
      strand(vehicle, at: node, from: time)
      observer?(.turnedBack(delivery: index, arrival: nil))
      return
    }
    drive(vehicle, from: node, on: back, start: time)
    observer?(.turnedBack(delivery: index, arrival: vehicles[vehicle].trip.arrival))
  }

  /// Stops a truck at `node` (from `time`, when it gets there) with no
  /// road back to its depot.
  func strand(_ vehicle: Int, at node: Int, from time: SimTime) {
    if let timer = vehicles[vehicle].timer { simulator.cancel(timer) }
    vehicles[vehicle].timer = nil
    vehicles[vehicle].isStranded = true
    vehicles[vehicle].trip = RouteTrip(origin: node, start: time, legs: [])
  }

  /// Sends a stranded truck on to its depot if a road there is open now.
  func resume(_ vehicle: Int, at now: SimTime) {
    guard let index = vehicles[vehicle].delivery else { return }
    let node = vehicles[vehicle].trip.origin
    guard let legs = roads.legs(from: node, to: sites[deliveries[index].from].node) else { return }
    drive(vehicle, from: node, on: legs, start: max(now, vehicles[vehicle].trip.start))
  }
}
