import Evacuation
import Scenario
import SimKernel
import Testing
import Township

/// The evacuation's composition with the run: the minimal roster and the
/// map's closures reaching the movement.
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

  /// 10 persons in 4 households: 3, 3, 2, 2; half own a car, spread
  /// evenly: the 2nd and the 4th.
  @Test func zoneHouseholdsShareOutPersonsAndCars() throws {
    let households = ZoneHouseholds(carShare: 0.5).households(ofZone: 0, in: try Self.township())
    #expect(households.map(\.persons) == [3, 3, 2, 2])
    #expect(households.map(\.hasCar) == [false, true, false, true])
    #expect(households.allSatisfy { $0.walkSpeed == 1.2 })
  }

  /// A flood closes the road to cars only; the script's closure, made
  /// before the model existed, closes it for both.
  @Test func mapClosuresReachTheMovementPerMode() throws {
    let map = LiveMap(township: try Self.township())
    let model = EvacuationModel(map: map, simulator: Simulator(), streams: RandomStreams(seed: 1))
    map.setHazardClosure(link: "ab", LiveMap.HazardClosure(driving: true, walking: false))
    #expect(model.network.isClosed(link: 0, mode: .drive))
    #expect(!model.network.isClosed(link: 0, mode: .walk))
    map.setHazardClosure(link: "ab", .none)
    #expect(!model.network.isClosed(link: 0, mode: .drive))

    let scripted = LiveMap(township: try Self.township())
    scripted.close(link: "ab")
    let later = EvacuationModel(
      map: scripted, simulator: Simulator(), streams: RandomStreams(seed: 1))
    #expect(later.network.isClosed(link: 0, mode: .drive))
    #expect(later.network.isClosed(link: 0, mode: .walk))
  }

  /// In `auto` mode the households with a car drive (100 m at 10 m/s, a
  /// car every 2 s) and the others walk (100 m at 1.2 m/s on the road's
  /// 3.75 m of carriageway, which passes 1.3 x 3.75 = 4.875 persons/s: the
  /// second group of walkers leaves 3 / 4.875 s after the first).
  @Test func autoModeDrivesWhoHasACar() throws {
    let simulator = Simulator()
    let model = EvacuationModel(
      map: LiveMap(township: try Self.township()), simulator: simulator,
      streams: RandomStreams(seed: 1))
    try model.evacuate(
      EvacuationOrder(zones: [0], mode: .auto, premovement: .fixed(seconds: 5)),
      households: ZoneHouseholds(carShare: 0.5))
    simulator.run()
    let outcomes = (0..<4).map(model.network.outcome)
    #expect(outcomes.map(\.mode) == [.walk, .drive, .walk, .drive])
    let settled: [Double] = outcomes.map { $0.settled?.seconds ?? -1 }
    let walk = 5 + 100 / 1.2
    let expected: [Double] = [walk, 15, walk + 3 / 4.875, 17]
    #expect(zip(settled, expected).allSatisfy { abs($0 - $1) < 0.001 }, "\(settled)")
  }
}
