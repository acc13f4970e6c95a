import Evacuation
import SimKernel
import Testing
import Township

/// Free-flow travel: one unit on an empty link takes length over speed.
@Suite("Movement: free-flow travel times")
struct MovementFreeFlowTests {
  /// IMO MSC.1/Circ.1533 test 1 (reference/evacuation.md §1.2): 40 m at
  /// 1.0 m/s takes 40 s (jupedsim-network tolerance 0.5 s).
  @Test func oneWalkerCrossesFortyMetresInFortySeconds() throws {
    let fixture = try MovementFixture(
      [.init(id: "corridor", from: "a", to: "b", length: 40, capacity: 2.6)],
      shelters: [("exit", "b", nil, 0)])
    fixture.add(1, at: "a", speed: 1.0)
    fixture.simulator.run()
    let arrival = try #require(fixture.arrivals.first)
    #expect(abs(arrival - 40) <= 0.5)
    #expect(fixture.outcomes.first?.state == .safe)
  }

  /// 1 km at 50 km/h: 1000 / (50 / 3.6) = 72 s.
  @Test func oneCarDrivesAKilometreInSeventyTwoSeconds() throws {
    let fixture = try MovementFixture(
      [.init(id: "road", from: "a", to: "b", length: 1000, mode: .road, speed: 50 / 3.6)],
      shelters: [("hall", "b", 100, 0)])
    fixture.add(1, at: "a", persons: 3, mode: .drive)
    fixture.simulator.run()
    #expect(fixture.arrivals == [72])
    #expect(fixture.network.shelters.occupancy == [3])
  }

  /// Walkers follow their own speed; two links add up.
  @Test func walkersUseTheirOwnSpeedOverSeveralLinks() throws {
    let fixture = try MovementFixture(
      [
        .init(id: "ab", from: "a", to: "b", length: 30, speed: 9),
        .init(id: "bc", from: "b", to: "c", length: 45, mode: .road, speed: 20),
      ],
      shelters: [("school", "c", nil, 0)])
    fixture.add(1, at: "a", speed: 1.5)
    fixture.simulator.run()
    #expect(fixture.arrivals == [(30 + 45) / 1.5])
  }

  /// SFPE speed-density law: unimpeded up to 0.54 persons/m2, then
  /// (1 - 0.266 D) / (1 - 0.266 x 0.54) of free speed, D capped at the
  /// peak-flow density 1.88 persons/m2.
  @Test func crowdedPathsSlowWalkersDown() throws {
    #expect(QueueNetwork.speedShare(density: 0.3) == 1)
    let share = QueueNetwork.speedShare(density: 1.5)
    #expect(abs(share - (1 - 0.399) / (1 - 0.266 * 0.54)) < 1e-12)
    #expect(QueueNetwork.speedShare(density: 3) == QueueNetwork.speedShare(density: 1.88))
    // 150 persons on 20 m x 5 m = 1.5 persons/m2 walk at 1.4 m/s x share.
    let fixture = try MovementFixture(
      [.init(id: "hall", from: "a", to: "b", length: 20, capacity: 1000, width: 5)],
      shelters: [("exit", "b", nil, 0)])
    fixture.add(1, at: "a", persons: 150, speed: 1.4)
    fixture.simulator.run()
    let expected = 20 / (1.4 * share)
    #expect(abs(fixture.arrivals[0] - expected) <= 0.001)
  }
}
