import Evacuation
import SimKernel

/// The evacuation's frame sections: persons per zone and grid by state,
/// link loads and shelter fill.
///
/// A household is counted in one state: safe (admitted to a shelter, or
/// sheltering in place), moving (on its way), exposed (at home or on a
/// link where the hazard is over its threshold, see `sampleExposure`),
/// acknowledged (warned, and its grid's responsible person acknowledged),
/// warned (a channel reached it, or its zone's order did), else not warned.
/// Everything is read as it stands; nothing is advanced.
extension EvacuationModel: FrameSource {
  public func contribute(to frame: inout FrameSnapshot) {
    let now = frame.time
    guard firstOrder != nil || warnings != nil else { return }
    var traveller = [Int](repeating: -1, count: roster.count)
    for (t, household) in travellerHousehold.enumerated() { traveller[household] = t }
    let outcome = warnings?.outcome
    var zones = [[Int]](repeating: [0, 0, 0, 0, 0, 0], count: roster.zoneIDs.count)
    var grids = [[Int]](repeating: [0, 0, 0, 0, 0, 0], count: roster.gridIDs.count)
    let acknowledged = roster.gridIDs.indices.map { grid in
      (outcome?.acknowledgedAt(grid: grid) ?? .never) <= now
    }
    for household in 0..<roster.count {
      let state = frameState(
        household, traveller: traveller[household], warnedAt: outcome?.firstWarned[household],
        acknowledged: acknowledged[Int(roster.grid[household])], now: now)
      let persons = Int(roster.size[household])
      zones[Int(roster.zone[household])][state] += persons
      grids[Int(roster.grid[household])][state] += persons
    }
    frame.zones = zones.map(FrameSnapshot.AreaStates.init(counts:))
    frame.grids = grids.map(FrameSnapshot.AreaStates.init(counts:))
    frame.loads = linkLoads(now: now)
    let shelters = network.shelters
    frame.shelters = (0..<shelters.count).map { s in
      FrameSnapshot.ShelterFill(
        facility: shelters.ids[s], occupants: shelters.occupancy[s],
        capacity: shelters.capacities[s] ?? 0)
    }
  }

  /// The index into `AreaStates.names` of one household's state.
  func frameState(
    _ household: Int, traveller t: Int, warnedAt: SimTime?, acknowledged: Bool, now: SimTime
  ) -> Int {
    let (warned, ack, moving, safe, exposed) = (1, 2, 3, 4, 5)
    if t >= 0 {
      switch network.outcome(t).state {
      case .safe, .inPlace: return safe
      case .enRoute: return moving
      case .waiting, .home: break
      }
    }
    if let hazard, hazard(roster.position(of: household), now) { return exposed }
    let heard = (warnedAt ?? .never) <= now || (t >= 0 && awaitingWarning[household] < 0)
    guard heard else { return 0 }
    return acknowledged ? ack : warned
  }

  /// Walkers, vehicles and queued units on every link that carries any.
  func linkLoads(now: SimTime) -> [FrameSnapshot.LinkLoad] {
    let queuedWalkers = network.queuedOnLinks(mode: .walk, now: now)
    let queuedVehicles = network.queuedOnLinks(mode: .drive, now: now)
    var loads: [FrameSnapshot.LinkLoad] = []
    for link in map.township.links.indices {
      let people = network.load(link: link, mode: .walk)
      let vehicles = network.load(link: link, mode: .drive)
      guard people > 0 || vehicles > 0 else { continue }
      loads.append(
        FrameSnapshot.LinkLoad(
          link: link, people: people, vehicles: vehicles,
          queue: queuedWalkers[link] + queuedVehicles[link]))
    }
    return loads
  }
}
