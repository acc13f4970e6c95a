import SimKernel

/// Vehicles, deliveries and agreement reserves.
extension SupplyNetwork {
  /// Adds a vehicle based at depot `depot` carrying `capacity` units a trip.
  @discardableResult
  public func addVehicle(id: String, depot: Int, capacity: Double) throws(LogisticsError) -> Int {
    guard vehicleIndexByID[id] == nil else {
      throw LogisticsError("vehicle \(id)", "a vehicle with this id exists")
    }
    guard sites.indices.contains(depot), sites[depot].kind == .depot else {
      throw LogisticsError("vehicle \(id)", "its depot must be a depot")
    }
    guard capacity > 0, capacity.isFinite else {
      throw LogisticsError("vehicle \(id)", "capacity must be positive")
    }
    let index = vehicles.count
    vehicles.append(
      DeliveryVehicle(id: id, depot: depot, capacity: capacity, freeAt: simulator.now))
    vehicleIndexByID[id] = index
    return index
  }

  /// The index of a vehicle by id.
  public func vehicle(_ id: String) -> Int? { vehicleIndexByID[id] }

  /// Orders `amount` of `item` from depot `from` to site `to`.
  ///
  /// The vehicle (by default the depot's vehicle with the fewest jobs;
  /// ties to the earlier one) departs when it is back from the jobs
  /// ordered before, loading what the depot has up to `amount`. It makes
  /// as many round trips as its capacity needs, each on the fastest route
  /// open when it sets off (re-routed on the way, see
  /// SupplyNetwork+Rerouting); each load is added on arrival. With no open
  /// route at departure the delivery is `blocked` and the stock stays.
  @discardableResult
  public func deliver(
    _ amount: Double, of item: SupplyItem, from: Int, to: Int, vehicle: Int? = nil
  ) throws(LogisticsError) -> Int {
    guard sites.indices.contains(from), sites[from].kind == .depot, sites.indices.contains(to)
    else { throw LogisticsError("delivery", "from a depot to a known site expected") }
    guard amount > 0, amount.isFinite else {
      throw LogisticsError("delivery", "amount must be positive")
    }
    let chosen: Int
    if let vehicle {
      guard vehicles.indices.contains(vehicle), vehicles[vehicle].depot == from else {
        throw LogisticsError("delivery", "the vehicle must belong to depot \(sites[from].id)")
      }
      chosen = vehicle
    } else {
      guard
        let first = vehicles.indices.filter({ vehicles[$0].depot == from })
          .min(by: { (vehicles[$0].load, $0) < (vehicles[$1].load, $1) })
      else { throw LogisticsError("depot \(sites[from].id)", "has no vehicle") }
      chosen = first
    }
    let now = simulator.now
    let index = deliveries.count
    deliveries.append(
      Delivery(item: item, amount: amount, from: from, to: to, vehicle: chosen, ordered: now))
    vehicles[chosen].waiting.append(index)
    if !vehicles[chosen].isBusy { startNext(vehicle: chosen) }
    return index
  }

  /// Sends a free vehicle on its next waiting delivery, if any.
  func startNext(vehicle: Int) {
    guard !vehicles[vehicle].isBusy, !vehicles[vehicle].waiting.isEmpty else { return }
    let next = vehicles[vehicle].waiting.removeFirst()
    depart(next)
  }

  /// Registers a supplier's agreement reserve for depot `depot`.
  @discardableResult
  public func addReserve(
    id: String, supplier: String, item: SupplyItem, amount: Double, leadTime: SimTime, depot: Int
  ) throws(LogisticsError) -> Int {
    guard reserveIndexByID[id] == nil else {
      throw LogisticsError("reserve \(id)", "a reserve with this id exists")
    }
    guard sites.indices.contains(depot), sites[depot].kind == .depot, amount > 0,
      leadTime >= .zero
    else {
      throw LogisticsError("reserve \(id)", "needs a depot, amount > 0 and lead time >= 0")
    }
    let index = reserves.count
    reserves.append(
      AgreementReserve(
        id: id, supplier: supplier, item: item, amount: amount, leadTime: leadTime,
        depot: depot))
    reserveIndexByID[id] = index
    return index
  }

  /// Calls off a reserve now: its stock reaches the depot after the lead time.
  public func callOff(reserve index: Int) throws(LogisticsError) {
    guard reserves.indices.contains(index) else {
      throw LogisticsError("reserve", "no such reserve")
    }
    guard reserves[index].calledOff == nil else {
      throw LogisticsError("reserve \(reserves[index].id)", "already called off")
    }
    reserves[index].calledOff = simulator.now
    let reserve = reserves[index]
    simulator.schedule(after: reserve.leadTime) { [unowned self] in
      _ = try? self.add(reserve.amount, of: reserve.item, at: reserve.depot)
      self.observer?(.reserveArrived(reserve: index))
    }
  }

  /// The index of a reserve by id.
  public func reserve(_ id: String) -> Int? { reserveIndexByID[id] }
}
