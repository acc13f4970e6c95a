import Evacuation
import Logistics
import Response
import Scenario
import SimKernel
import Township

/// The county drill's response: teams at the stations, incidents from the
/// water and the evacuation, the reporting chain, and shelter supplies.
///
/// Every station (a rescue station at each township seat, a fire rescue
/// station at every fifth) has the response model's fire rescue team plus
/// a water rescue team (boats) and a militia squad (who assist households
/// that cannot leave on their own). A zone the water reaches reports
/// people trapped (water rescue, about 30 min on scene); at the order each
/// village's grid staff report the households that need assistance (20 min
/// per household). The order opens the reporting chain's evacuation event;
/// villages, townships and the county report on it as the default rules
/// ask, townships hourly. Shelters hold water and food for half a day of
/// their places, restocked from the nearest depot when a line falls
/// below a quarter; depots hold 1,000,000 units of each.
extension CountyDrill {
  /// Adds the water rescue and militia teams at every station.
  func addTeams() throws {
    for facility in county.township.facilities where facility.kind == .station {
      try response.centre.add(
        TeamSpec(id: "\(facility.id).boat", kind: .waterRescue, station: facility.node))
      try response.centre.add(
        TeamSpec(id: "\(facility.id).militia", kind: .militia, station: facility.node))
    }
  }

  /// Water rescue for a zone the water reached (once: a zone the water
  /// leaves and reaches again is the same call).
  func reportTrapped(zone id: String) {
    guard response.centre.incident("trapped-\(id)") == nil, let zone = try? evacuation.zone(id)
    else { return }
    let node = county.township.zones[zone].node
    report(
      Incident(
        id: "trapped-\(id)", kind: .trapped, node: node, work: .lognormal(mu: 7.5, sigma: 0.4),
        persons: 4, source: "flood"))
  }

  /// One assistance incident per zone with households that need help.
  func reportAssistance() {
    let roster = evacuation.roster
    var households = [Int](repeating: 0, count: county.township.zones.count)
    var persons = households
    for h in 0..<roster.count where roster.needsAssistance[h] {
      households[Int(roster.zone[h])] += 1
      persons[Int(roster.zone[h])] += Int(roster.size[h])
    }
    for (index, zone) in county.township.zones.enumerated() where households[index] > 0 {
      report(
        Incident(
          id: "assist-\(zone.id)", kind: .assistance, node: zone.node,
          work: .fixed(1_200 * Double(households[index])), persons: persons[index],
          source: "evacuation"))
    }
  }

  func report(_ incident: Incident) {
    do {
      try response.centre.report(incident)
      incidentsReported += 1
    } catch {
      failure = failure ?? "incident \(incident.id): \(error)"
    }
  }

  /// Counts dispatches (the centre's other events need no reaction here).
  func count(_ event: ResponseEvent) {
    if case .dispatched = event { dispatches += 1 }
  }

  /// Submits the reports the default rules ask for on `event`: village
  /// after 6 min, township after 15 min, county after 1 h, and township
  /// follow-ups 10 min before each hour falls due.
  func scheduleReports(event: String) {
    let plan: [(ReportLevel, ReportStage, Double)] = [
      (.village, .first, 360), (.township, .first, 900), (.county, .first, 3_600),
    ]
    for (level, stage, delay) in plan { submit(event, level, stage, after: delay) }
    var followUp = 3_000.0
    while simulator.now.seconds + followUp <= duration {
      submit(event, .township, .followUp, after: followUp)
      followUp += 3_600
    }
  }

  private func submit(_ event: String, _ level: ReportLevel, _ stage: ReportStage, after: Double) {
    simulator.schedule(after: SimTime(ms: Int64(after * 1_000))) { [unowned(unsafe) self] in
      do {
        try self.response.reports.submit(event, level: level, stage: stage, at: self.simulator.now)
      } catch {
        self.failure = self.failure ?? "report: \(error)"
      }
    }
  }

  /// Stocks depots and shelters and finds each site's nearest depot.
  func stockSupplies() throws {
    let network = supply.network
    let depots = network.sites.indices.filter { network.sites[$0].kind == .depot }
    var capacityByID: [String: Int] = [:]
    for facility in county.township.facilities where facility.kind == .shelter {
      capacityByID[facility.id] = facility.capacity ?? 0
    }
    let nodes = county.township.nodes
    nearestDepot = network.sites.indices.map { site in
      let here = nodes[network.sites[site].node].position
      return depots.min { a, b in
        let da = here.distance(to: nodes[network.sites[a].node].position)
        let db = here.distance(to: nodes[network.sites[b].node].position)
        return da != db ? da < db : a < b
      } ?? -1
    }
    firstStock = [Double](repeating: 0, count: network.sites.count)
    for site in network.sites.indices {
      switch network.sites[site].kind {
      case .depot:
        for item in [SupplyItem.water, .food] { try network.add(1_000_000, of: item, at: site) }
      case .shelter:
        // Half a day of the default rates (3 L and 3 rations a day) per place.
        let amount = 1.5 * Double(capacityByID[network.sites[site].id] ?? 0)
        guard amount > 0 else { continue }
        firstStock[site] = amount
        for item in [SupplyItem.water, .food] {
          try network.add(amount, of: item, at: site)
          try network.setLowStockThreshold(amount / 4, of: item, at: site)
        }
      }
    }
  }

  /// A shelter running low gets its first stock again from the nearest depot.
  func restock(_ event: SupplyEvent) {
    guard case .lowStock(let site, let item) = event, firstStock[site] > 0, nearestDepot[site] >= 0
    else { return }
    let amount = firstStock[site]
    do {
      try supply.network.deliver(amount, of: item, from: nearestDepot[site], to: site)
      deliveries += 1
    } catch {
      failure = failure ?? "delivery: \(error)"
    }
  }
}
