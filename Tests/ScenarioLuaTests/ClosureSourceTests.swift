import Response
import Scenario
import SimKernel
import Testing
import Township

/// What each hazard's closure means to a team: boats float over flood
/// water, but a fire or a road cut stops every vehicle.
@Suite struct ClosureSourceTests {
  /// s --100 s-- x by road (1000 m at 10 m/s), a station at s.
  static func map() throws -> LiveMap {
    LiveMap(
      township: try Township(
        nodes: [
          Node(id: "s", position: MapPoint(x: 0, y: 0)),
          Node(id: "x", position: MapPoint(x: 1000, y: 0)),
        ],
        links: [
          Link(id: "sx", from: 0, to: 1, length: 1000, mode: .road, speed: 10, capacity: 0.5)
        ],
        facilities: [
          Facility(id: "station", kind: .station, node: 0, position: MapPoint(x: 0, y: 0))
        ]
      ))
  }

  static func times(closedBy source: String) throws -> (boat: Double?, car: Double?) {
    let map = try map()
    let response = try ResponseModel(
      map: map, simulator: Simulator(), streams: RandomStreams(seed: 1), start: nil)
    map.setHazardClosure(link: "sx", .all, source: source)
    let routing = response.centre.routing
    return (
      routing.travelTime(from: 0, to: 1, by: .boat, at: .zero),
      routing.travelTime(from: 0, to: 1, by: .car, at: .zero)
    )
  }

  /// Afloat at 2.5 m/s: 1000 m in 400 s.
  @Test("a boat crosses a flooded link; a car does not")
  func floodLetsBoatsThrough() throws {
    let times = try Self.times(closedBy: "flood")
    #expect(times.boat == 400)
    #expect(times.car == nil)
  }

  @Test("a fire or a road cut stops boats too", arguments: ["fire", "outage"])
  func otherClosuresStopEveryone(source: String) throws {
    let times = try Self.times(closedBy: source)
    #expect(times.boat == nil)
    #expect(times.car == nil)
  }

  @Test("flood and fire on one link: the fire's closure wins")
  func fireOverFlood() throws {
    let map = try Self.map()
    let response = try ResponseModel(
      map: map, simulator: Simulator(), streams: RandomStreams(seed: 1), start: nil)
    map.setHazardClosure(link: "sx", .all, source: "flood")
    map.setHazardClosure(link: "sx", .all, source: "fire")
    #expect(response.centre.routing.travelTime(from: 0, to: 1, by: .boat, at: .zero) == nil)
    map.setHazardClosure(link: "sx", .none, source: "fire")
    #expect(response.centre.routing.travelTime(from: 0, to: 1, by: .boat, at: .zero) == 400)
  }
}
