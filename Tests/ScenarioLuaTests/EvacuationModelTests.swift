import Evacuation
import Scenario
import SimKernel
import Testing
import Township

/// The evacuation's composition with the run: the household roster through
/// mobilisation onto the movement, and the map's closures reaching it.
@Suite struct EvacuationModelTests {
  static func township() throws -> Township {
    try Township(
      nodes: [
        Node(id: "a", position: MapPoint(x: 0, y: 0)),
        Node(id: "b", position: MapPoint(x: 100, y: 0)),
      ],
      links: [Link(id: "ab", from: 0, to: 1, length: 100, mode: .road, speed: 10, capacity: 0.5)],
      zones: [
        Zone(
          id: "z", node: 0, position: MapPoint(x: 0, y: 0), population: 10, households: 4,
          walkSpeed: 1.2)
      ],
      facilities: [
        Facility(id: "hall", kind: .shelter, node: 1, position: MapPoint(x: 100, y: 0))
      ])
  }

  /// A roster of zone z (and, when asked, a second zone y on the same
  /// node) with the given households, all in grid g.
  static func roster(
    _ households: [(size: Int, vehicles: Int, assisted: Bool, complies: Bool)],
    shadowZone: Int? = nil
  ) throws -> HouseholdRoster {
    let origin = MapPoint(x: 0, y: 0)
    let zones = shadowZone == nil ? ["z"] : ["z", "y"]
    var roster = try HouseholdRoster(
      zoneIDs: zones, zoneCentres: zones.map { _ in origin }, gridIDs: zones,
      gridZones: Array(zones.indices))
    for (k, h) in households.enumerated() {
      let zone = k == shadowZone ? 1 : 0
      try roster.append(
        Household(
          zone: zone, grid: zone, node: 0, position: origin, size: h.size, vehicles: h.vehicles,
          needsAssistance: h.assisted, complies: h.complies))
    }
    return roster
  }

  static func model(_ roster: HouseholdRoster, twoZones: Bool = false) throws -> (
    EvacuationModel, Simulator
  ) {
    var township = try Self.township()
    if twoZones {
      township = try Township(
        nodes: township.nodes, links: township.links,
        zones: township.zones + [
          Zone(id: "y", node: 0, position: MapPoint(x: 0, y: 0), population: 1, households: 1)
        ],
        facilities: township.facilities)
    }
    let simulator = Simulator()
    let model = EvacuationModel(
      map: LiveMap(township: township), simulator: simulator, streams: RandomStreams(seed: 1),
      roster: roster)
    return (model, simulator)
  }

  /// A flood closes the road to cars only; the script's closure, made
  /// before the model existed, closes it for both.
  @Test func mapClosuresReachTheMovementPerMode() throws {
    let map = LiveMap(township: try Self.township())
    let model = try EvacuationModel(
      map: map, simulator: Simulator(), streams: RandomStreams(seed: 1))
    map.setHazardClosure(link: "ab", LiveMap.HazardClosure(driving: true, walking: false))
    #expect(model.network.isClosed(link: 0, mode: .drive))
    #expect(!model.network.isClosed(link: 0, mode: .walk))
    map.setHazardClosure(link: "ab", .none)
    #expect(!model.network.isClosed(link: 0, mode: .drive))

    let scripted = LiveMap(township: try Self.township())
    scripted.close(link: "ab")
    let later = try EvacuationModel(
      map: scripted, simulator: Simulator(), streams: RandomStreams(seed: 1))
    #expect(later.network.isClosed(link: 0, mode: .drive))
    #expect(later.network.isClosed(link: 0, mode: .walk))
  }

  /// In `auto` mode the households with a car drive (100 m at 10 m/s, a
  /// car every 2 s) and the others walk (100 m at 1.2 m/s on the road's
  /// 3.75 m of carriageway, which passes 1.3 x 3.75 = 4.875 persons/s: the
  /// second group of walkers leaves 3 / 4.875 s after the first).
  @Test func autoModeDrivesWhoHasACar() throws {
    let roster = try Self.roster([
      (3, 0, false, true), (3, 1, false, true), (2, 0, false, true), (2, 2, false, true),
    ])
    let (model, simulator) = try Self.model(roster)
    try model.evacuate(EvacuationOrder(zones: [0], mode: .auto, premovement: .fixed(seconds: 5)))
    simulator.run()
    let outcomes = (0..<4).map(model.network.outcome)
    #expect(outcomes.map(\.mode) == [.walk, .drive, .walk, .drive])
    let settled: [Double] = outcomes.map { $0.settled?.seconds ?? -1 }
    let walk = 5 + 100 / 1.2
    let expected: [Double] = [walk, 15, walk + 3 / 4.875, 17]
    #expect(zip(settled, expected).allSatisfy { abs($0 - $1) < 0.001 }, "\(settled)")
  }

  /// Households needing help wait for a team and non-compliers stay; only
  /// the other two (2 + 4 persons) set off.
  @Test func assistedHouseholdsWaitAndRefusersStay() throws {
    let roster = try Self.roster([
      (2, 0, false, true), (3, 0, true, true), (1, 0, false, false), (4, 0, false, true),
    ])
    let (model, simulator) = try Self.model(roster)
    let made = try model.evacuate(
      EvacuationOrder(zones: [0], mode: .walk, premovement: .fixed(seconds: 5)))
    simulator.run()
    #expect(made.households == 2 && made.persons == 6)
    #expect(model.tally.persons(.awaitingAssistance) == 3)
    #expect(model.tally.households(.awaitingAssistance) == 1)
    #expect(model.tally.persons(.refused) == 1)
    #expect(model.network.personsOrdered == 6)
    #expect(model.network.personsSafe == 6)
  }

  /// A household is at home until its traveller sets off (the assisted
  /// one waits for a team, the refuser stays); the running count agrees
  /// with the per-household reads before, during and after the movement.
  @Test func householdsAtHomeFollowTheirTravellers() throws {
    let roster = try Self.roster([
      (2, 0, false, true), (3, 0, true, true), (1, 0, false, false), (4, 0, false, true),
    ])
    let (model, simulator) = try Self.model(roster)
    try model.evacuate(EvacuationOrder(zones: [0], mode: .walk, premovement: .fixed(seconds: 5)))
    func atHome() -> [Bool] { (0..<4).map { model.isAtHome(household: $0) } }
    #expect(atHome() == [true, true, true, true])
    #expect(model.householdsAtHomeCount == 4)
    simulator.run(until: SimTime(seconds: 6) ?? .zero)
    #expect(atHome() == [false, true, true, false])
    #expect(model.householdsAtHomeCount == 2)
    simulator.run()
    #expect(atHome() == [false, true, true, false])
    #expect(model.householdsAtHomeCount == 2)
  }

  /// With a shadow share of 1 the household of the unordered zone y hears
  /// of the order 600 s later (the notice delay), leaves 5 s after that and
  /// drives the 100 m at 10 m/s: safe at 615 s.
  @Test func shadowHouseholdsLeaveAfterTheNoticeDelay() throws {
    let roster = try Self.roster([(2, 1, false, true), (1, 1, false, true)], shadowZone: 1)
    let (model, simulator) = try Self.model(roster, twoZones: true)
    try model.evacuate(
      EvacuationOrder(
        zones: [0], mode: .drive, premovement: .fixed(seconds: 5), shadowShare: 1))
    simulator.run()
    let settled = (0..<2).map { model.network.outcome($0).settled?.seconds ?? -1 }
    let notice = model.mobilisation.shadowNoticeDelay
    #expect(settled == [5 + 10, notice + 5 + 10])
    #expect(model.tally.persons(.shadow) == 1)
  }
}
