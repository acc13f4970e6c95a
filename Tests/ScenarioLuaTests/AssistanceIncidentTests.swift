import Evacuation
import Response
import Scenario
import SimKernel
import Testing
import Township

/// Households that cannot leave on their own: the order raises an
/// assistance incident, a team fetches them, and they count as safe when
/// they reach a shelter in its vehicle.
@Suite struct AssistanceIncidentTests {
  /// One household of two on `OneHouseholdRoad` that needs help, ordered
  /// out at 0; `militia` adds a team at s that can assist.
  static func run(militia: Bool) throws -> (EvacuationModel, ResponseModel) {
    let road = try OneHouseholdRoad(needsAssistance: true)
    if militia {
      try road.response.centre.add(
        TeamSpec(id: "militia", kind: .militia, station: 0, onDutyCallOut: 60))
    }
    try road.evacuation.evacuate(EvacuationOrder(zones: [0], mode: .walk))
    road.simulator.run()
    return (road.evacuation, road.response)
  }

  /// Order at 0; the militia turns out 60 s, drives s-a 100 s (on scene
  /// at 160), works 600 s (done at 760) and drives the household a-b,
  /// 100 s: safe in the hall at 860 s after the order.
  @Test("a team fetches the household; it is safe in the shelter at 860 s")
  func fetchedByATeam() throws {
    let (evacuation, response) = try Self.run(militia: true)
    let record = try #require(response.centre.incidents.first)
    #expect(record.incident.id == "assist.h0")
    #expect(record.incident.kind == .assistance)
    #expect(record.incident.persons == 2)
    #expect(record.arrived == SimTime(ms: 160_000))
    #expect(record.completed == SimTime(ms: 760_000))
    let clearance = evacuation.network.clearance()
    #expect(clearance.safe == 2)
    #expect(clearance.t100 == 860)
    #expect(evacuation.network.shelters.peak == [2])
    #expect(evacuation.tally.persons(.awaitingAssistance) == 0)
    #expect(evacuation.network.outcome(0).mode == .drive)
  }

  @Test("with no team that can assist the household stays waiting")
  func noTeamNoFetch() throws {
    let (evacuation, response) = try Self.run(militia: false)
    #expect(response.centre.queue == [0])
    #expect(evacuation.tally.persons(.awaitingAssistance) == 2)
    #expect(evacuation.network.clearance().safe == 0)
    let metrics = Dictionary(
      uniqueKeysWithValues: response.metrics(at: SimTime(ms: 3_600_000)).map { ($0.name, $0.value) }
    )
    #expect(metrics["response.incidents.assistance"] == 1)
    #expect(metrics["response.assistance.mean_s"] == nil)
  }
}
