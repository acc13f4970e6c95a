import SimKernel

/// Depots, shelters and the stock that moves between them.
///
/// Shelters consume continuously (persons x use per person per hour); a
/// shelter's level of an item is exact at every instant, and the moment it
/// runs out, or falls below a low-stock threshold, is a scheduled event
/// computed from level and rate, rescheduled whenever either changes.
/// Deliveries load at a depot, drive on the road network, re-route when a
/// link ahead of the truck closes (or turn back when none is left; see
/// SupplyNetwork+Rerouting), and add stock on arrival. Agreement reserves
/// reach their depot after a lead time.
///
/// Sites, vehicles and deliveries are arrays in creation order, so every
/// tie resolves the same way in every run.
public final class SupplyNetwork {
  public let simulator: Simulator
  /// The roads trucks drive on, as they are now.
  public let roads: any DeliveryRoads
  /// Called synchronously for everything that happens (logs, scripts).
  public var observer: ((SupplyEvent) -> Void)?
  public internal(set) var sites: [SupplySite] = []
  public internal(set) var vehicles: [DeliveryVehicle] = []
  public internal(set) var deliveries: [Delivery] = []
  public internal(set) var reserves: [AgreementReserve] = []
  var siteIndexByID: [String: Int] = [:]
  var vehicleIndexByID: [String: Int] = [:]
  var reserveIndexByID: [String: Int] = [:]

  public init(simulator: Simulator, roads: any DeliveryRoads) {
    self.simulator = simulator
    self.roads = roads
  }

  /// Adds a depot at node `node`.
  @discardableResult
  public func addDepot(id: String, node: Int) throws(LogisticsError) -> Int {
    try addSite(SupplySite(id: id, kind: .depot, node: node, consumption: []))
  }

  /// Adds a shelter at node `node` whose people use `consumption`.
  @discardableResult
  public func addShelter(
    id: String, node: Int, consumption: [ConsumptionRate] = ConsumptionRate.shelterDefaults
  ) throws(LogisticsError) -> Int {
    for rate in consumption where !(rate.perPersonPerHour >= 0 && rate.perPersonPerHour.isFinite) {
      throw LogisticsError("shelter \(id)", "use of \(rate.item.rawValue) must be >= 0")
    }
    return try addSite(SupplySite(id: id, kind: .shelter, node: node, consumption: consumption))
  }

  /// The index of a site by id.
  public func site(_ id: String) -> Int? { siteIndexByID[id] }

  /// The level of `item` at site `site` now.
  public func stock(of item: SupplyItem, at site: Int) -> Double {
    var line = sites[site].lines[item.slot]
    line.settle(at: simulator.now)
    return line.level
  }

  /// Adds (or with a negative amount removes, down to zero) stock now.
  ///
  /// - Returns: the change actually made.
  @discardableResult
  public func add(_ amount: Double, of item: SupplyItem, at site: Int) throws(LogisticsError)
    -> Double
  {
    guard sites.indices.contains(site), amount.isFinite else {
      throw LogisticsError("stock", "unknown site or non-finite amount")
    }
    let change = update(site, item) { line in
      let before = line.level
      line.level = max(0, line.level + amount)
      return line.level - before
    }
    return change
  }

  /// Sets the number of persons at a shelter now; consumption follows.
  public func setOccupancy(_ people: Int, at site: Int) throws(LogisticsError) {
    guard sites.indices.contains(site), sites[site].kind == .shelter, people >= 0 else {
      throw LogisticsError("occupancy", "a shelter and a non-negative head count expected")
    }
    let now = simulator.now
    for item in SupplyItem.allCases { sites[site].lines[item.slot].settle(at: now) }
    sites[site].people = people
    if people > 0, sites[site].occupiedSince == nil { sites[site].occupiedSince = now }
    for item in SupplyItem.allCases {
      update(site, item) { line in
        line.ratePerHour = Double(people) * line.perPersonPerHour
      }
    }
  }

  /// Reports `.lowStock` when `item` at `site` falls below `level`.
  public func setLowStockThreshold(_ level: Double?, of item: SupplyItem, at site: Int)
    throws(LogisticsError)
  {
    guard sites.indices.contains(site) else { throw LogisticsError("low stock", "unknown site") }
    update(site, item) { line in line.lowThreshold = level }
  }

  func addSite(_ site: SupplySite) throws(LogisticsError) -> Int {
    guard siteIndexByID[site.id] == nil else {
      throw LogisticsError("site \(site.id)", "a depot or shelter with this id exists")
    }
    let index = sites.count
    var placed = site
    for slot in placed.lines.indices { placed.lines[slot].since = simulator.now }
    sites.append(placed)
    siteIndexByID[site.id] = index
    return index
  }

  /// Settles a line, applies `change`, and reschedules its events.
  @discardableResult
  func update<T>(_ site: Int, _ item: SupplyItem, _ change: (inout StockLine) -> T) -> T {
    let now = simulator.now
    sites[site].lines[item.slot].settle(at: now)
    let result = change(&sites[site].lines[item.slot])
    reschedule(site, item)
    noteNeeds(site)
    return result
  }

  /// Cancels and re-plans the run-out and low-stock events of a line.
  func reschedule(_ site: Int, _ item: SupplyItem) {
    let slot = item.slot
    if let timer = sites[site].lines[slot].runOutTimer { simulator.cancel(timer) }
    if let timer = sites[site].lines[slot].lowTimer { simulator.cancel(timer) }
    sites[site].lines[slot].runOutTimer = nil
    sites[site].lines[slot].lowTimer = nil
    let line = sites[site].lines[slot]
    let now = simulator.now
    if let at = line.crossing(of: 0) {
      sites[site].lines[slot].runOutTimer = simulator.schedule(after: at - now) {
        [unowned self] in self.runOut(site, item)
      }
    }
    if let threshold = line.lowThreshold, let at = line.crossing(of: threshold) {
      sites[site].lines[slot].lowTimer = simulator.schedule(after: at - now) {
        [unowned self] in
        self.sites[site].lines[slot].lowTimer = nil
        self.observer?(.lowStock(site: site, item: item))
      }
    }
  }

  func runOut(_ site: Int, _ item: SupplyItem) {
    let slot = item.slot
    sites[site].lines[slot].settle(at: simulator.now)
    sites[site].lines[slot].level = 0  // exact: this is the run-out instant
    sites[site].lines[slot].runOutTimer = nil
    if sites[site].lines[slot].firstRunOut == nil {
      sites[site].lines[slot].firstRunOut = simulator.now
    }
    noteNeeds(site)
    observer?(.ranOut(site: site, item: item))
  }

  /// Records when an occupied shelter has all it consumes: the first
  /// time, and since when without a break.
  func noteNeeds(_ site: Int) {
    guard sites[site].kind == .shelter, sites[site].people > 0 else { return }
    guard sites[site].needsMet else {
      sites[site].needsSteadySince = nil
      return
    }
    if sites[site].needsSteadySince == nil { sites[site].needsSteadySince = simulator.now }
    if sites[site].needsMetSince == nil { sites[site].needsMetSince = simulator.now }
  }
}
