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
  /// s --100 s-- a --100 s-- b by road (1000 m at 10 m/s): a station at s,
  /// the household's zone at a, a shelter at b.
  static func township() throws -> Township {
    try Township(
      nodes: [
        Node(id: "s", position: MapPoint(x: -1000, y: 0)),
        Node(id: "a", position: MapPoint(x: 0, y: 0)),
        Node(id: "b", position: MapPoint(x: 1000, y: 0)),
      ],
      links: [
        Link(id: "sa", from: 0, to: 1, length: 1000, mode: .road, speed: 10, capacity: 0.5),
        Link(id: "ab", from: 1, to: 2, length: 1000, mode: .road, speed: 10, capacity: 0.5),
      ],
      zones: [Zone(id: "z", node: 1, position: MapPoint(x: 0, y: 0), population: 2, households: 1)],
      facilities: [
        Facility(id: "station", kind: .station, node: 0, position: MapPoint(x: -1000, y: 0)),
        Facility(id: "hall", kind: .shelter, node: 2, position: MapPoint(x: 1000, y: 0)),
      ])
  }

  /// One household of two at a that needs help; the response built over
  /// the same map and coupled; `militia` adds a team that can assist.
  static func run(militia: Bool) throws -> (EvacuationModel, ResponseModel) {
    let map = LiveMap(township: try township())
    var roster = try HouseholdRoster(
      zoneIDs: ["z"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["z"], gridZones: [0])
    try roster.append(
      Household(
        zone: 0, grid: 0, node: 1, position: MapPoint(x: 0, y: 0), size: 2, vehicles: 0,
        needsAssistance: true))
    let simulator = Simulator()
    let streams = RandomStreams(seed: 1)
    let evacuation = EvacuationModel(
      map: map, simulator: simulator, streams: streams, roster: roster)
    let response = try ResponseModel(
      map: map, simulator: simulator, streams: streams, start: nil)
    response.assist(evacuation)
    if militia {
      try response.centre.add(
        TeamSpec(id: "militia", kind: .militia, station: 0, onDutyCallOut: 60))
    }
    try evacuation.evacuate(EvacuationOrder(zones: [0], mode: .walk))
    simulator.run()
    return (evacuation, response)
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
