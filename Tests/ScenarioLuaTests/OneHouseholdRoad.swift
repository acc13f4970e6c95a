import Evacuation
import Response
import Scenario
import SimKernel
import Township

/// The road that the assistance and rescue tests share, with one household
/// of two on it and the evacuation and response models built over it.
///
/// s --100 s-- a --100 s-- b by road (1000 m at 10 m/s): a station at s, the
/// household's zone at a, the shelter "hall" at b. Both suites need the same
/// hand-calculable distances, so they build them in one place.
struct OneHouseholdRoad {
  let map: LiveMap
  let simulator = Simulator()
  let evacuation: EvacuationModel
  let response: ResponseModel

  /// The models over the road, the response coupled to the evacuation; no
  /// teams yet, nothing ordered.
  init(needsAssistance: Bool) throws {
    map = LiveMap(township: try Self.township())
    var roster = try HouseholdRoster(
      zoneIDs: ["z"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["z"], gridZones: [0])
    try roster.append(
      Household(
        zone: 0, grid: 0, node: 1, position: MapPoint(x: 0, y: 0), size: 2, vehicles: 0,
        needsAssistance: needsAssistance))
    let streams = RandomStreams(seed: 1)
    evacuation = EvacuationModel(
      map: map, simulator: simulator, streams: streams, roster: roster)
    response = try ResponseModel(map: map, simulator: simulator, streams: streams, start: nil)
    response.assist(evacuation)
  }

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
}
