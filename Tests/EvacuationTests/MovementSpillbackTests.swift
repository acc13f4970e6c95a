import Evacuation
import SimKernel
import Testing
import Township

/// Storage and spillback: a full link takes no one, so the link upstream
/// of it holds its heads.
@Suite("Movement: storage and spillback")
struct MovementSpillbackTests {
  /// DESIGN.md §4: ceil(1000 x 1 / 7.5) = 134 vehicles.
  @Test func aOneKilometreSingleLaneRoadStores134Vehicles() throws {
    let fixture = try MovementFixture(
      [.init(id: "road", from: "a", to: "b", length: 1000, mode: .road, speed: 13.9)],
      shelters: [("hall", "b", nil, 0)])
    #expect(fixture.network.storage(link: 0, mode: .drive) == 134)
    // Walkers on the same road use 3.75 m of carriageway at 3.76 persons/m2.
    #expect(fixture.network.storage(link: 0, mode: .walk) == 1000 * 3.75 * 3.76)
  }

  /// The road fills and holds its upstream link.
  ///
  /// 300 cars: a fast feeder, the 1 km road, then a slow gate (0.1 veh/s).
  /// The road fills to 134; from then on a car leaves the feeder only
  /// when one leaves the road, at the same instant.
  @Test func upstreamOutflowIsZeroWhileTheRoadIsFull() throws {
    var options = QueueNetwork.Options()
    options.stuckTime = nil
    let fixture = try MovementFixture(
      [
        .init(id: "feeder", from: "o", to: "x", length: 100, mode: .road, speed: 10, capacity: 2),
        .init(id: "road", from: "x", to: "y", length: 1000, mode: .road, speed: 20, capacity: 1),
        .init(id: "gate", from: "y", to: "s", length: 10, mode: .road, speed: 10, capacity: 0.1),
      ],
      shelters: [("hall", "s", nil, 0)], options: options)
    let feeder = fixture.link("feeder")
    let road = fixture.link("road")
    var roadLeaves: Set<Int64> = []
    // Feeder leaves: time and the road's load just before the car enters it.
    var feederLeaves: [(ms: Int64, roadLoad: Int)] = []
    fixture.network.onLeave = {
      [simulator = fixture.simulator, unowned network = fixture.network] link, _, _ in
      let now = simulator.now.ms
      if link == road { roadLeaves.insert(now) }
      if link == feeder {
        feederLeaves.append((now, network.load(link: road, mode: .drive)))
      }
    }
    fixture.add(300, at: "o", persons: 2, mode: .drive)
    fixture.simulator.run()
    #expect(feederLeaves.count == 300)
    #expect(feederLeaves.allSatisfy { $0.roadLoad < 134 })
    let filled = try #require(feederLeaves.firstIndex { $0.roadLoad == 133 })
    let later = feederLeaves[(filled + 1)...]
    #expect(later.count > 100)
    // Once full, a car leaves the feeder only at the instant one left the road.
    #expect(later.allSatisfy { roadLeaves.contains($0.ms) })
  }
}
