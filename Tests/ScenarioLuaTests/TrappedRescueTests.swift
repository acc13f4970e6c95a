import Evacuation
import Response
import Scenario
import SimKernel
import Testing
import Township

/// Households a boat team gets out of the water: they leave with it to
/// the nearest shelter with room and are counted there once.
@Suite struct TrappedRescueTests {
  /// `OneHouseholdRoad`: a household of two at a, the hall at b; a boat
  /// team at s that turns out at once (trailered at road speed on dry
  /// roads), supplies following the hall's headcount.
  static func run(needsAssistance: Bool) throws -> (
    EvacuationModel, ResponseModel, SupplyModel
  ) {
    let road = try OneHouseholdRoad(needsAssistance: needsAssistance)
    let supply = try SupplyModel(map: road.map, simulator: road.simulator)
    supply.follow(road.evacuation)
    try road.response.centre.add(
      TeamSpec(id: "boat", kind: .waterRescue, station: 0, onDutyCallOut: 0))
    road.response.reportTrapped([0], of: road.evacuation)
    if needsAssistance {
      // A militia team that would fetch it, but turns out late (3000 s).
      try road.response.centre.add(
        TeamSpec(id: "militia", kind: .militia, station: 0, onDutyCallOut: 3_000))
      try road.evacuation.evacuate(EvacuationOrder(zones: [0], mode: .walk))
    }
    road.simulator.run()
    return (road.evacuation, road.response, supply)
  }

  /// Never ordered.
  ///
  /// The boat is on scene at 100 s (s-a), works the
  /// trapped incident's 1800 s (done at 1900) and takes the two a-b,
  /// 100 s: ashore at the hall at 2000 s, T100 2000 s from the alarm.
  @Test("a trapped household rescued by a boat ends in the shelter, counted once")
  func rescuedToShelter() throws {
    let (evacuation, response, supply) = try Self.run(needsAssistance: false)
    let record = try #require(response.centre.incidents.first)
    #expect(record.incident.id == "trapped.h0")
    #expect(record.arrived == SimTime(ms: 100_000))
    #expect(record.completed == SimTime(ms: 1_900_000))
    let clearance = evacuation.network.clearance()
    #expect(clearance.persons == 2)
    #expect(clearance.safe == 2)
    #expect(clearance.t100 == 2000)
    #expect(evacuation.network.shelters.occupancy == [2])
    #expect(evacuation.network.headcount.confirmed == 2)
    #expect(evacuation.tally.persons(.released) == 2)
    #expect(response.rescuedHouseholds == 1)
    let hall = try #require(supply.network.site("hall"))
    #expect(supply.network.sites[hall].people == 2)
  }

  /// Ordered and waiting for help as well: the boat's rescue (ashore at
  /// 2000 s, T100 from the order at 0) settles it; the militia, on scene
  /// at 3100 s and done at 3700 s, finds no one to fetch.
  @Test("a household waiting for assistance and rescued by boat is not fetched again")
  func noDoubleCountWithAssistance() throws {
    let (evacuation, response, supply) = try Self.run(needsAssistance: true)
    let kinds = response.centre.incidents.map(\.incident.kind)
    #expect(kinds == [.trapped, .assistance])
    #expect(response.centre.incidents[1].completed == SimTime(ms: 3_700_000))
    let clearance = evacuation.network.clearance()
    #expect(clearance.persons == 2)
    #expect(clearance.safe == 2)
    #expect(clearance.t100 == 2000)
    #expect(evacuation.network.travellerCount == 1)
    #expect(evacuation.network.shelters.occupancy == [2])
    #expect(evacuation.tally.persons(.awaitingAssistance) == 0)
    #expect(evacuation.tally.persons(.released) == 2)
    let hall = try #require(supply.network.site("hall"))
    #expect(supply.network.sites[hall].people == 2)
  }
}
