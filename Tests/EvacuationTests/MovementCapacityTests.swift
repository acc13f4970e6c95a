import Evacuation
import SimKernel
import Testing
import Township

/// Flow capacity: units leave a link at most `capacity` per second.
@Suite("Movement: flow capacity and pre-movement")
struct MovementCapacityTests {
  /// IMO test 4 convention (reference/evacuation.md §1.4): a 1 m door at
  /// 1.33 p/s/m less 0.15 m boundary layers passes C = 0.931 p/s; 100
  /// persons standing at it, the last passes at (N - 1) / C = 106.3 s.
  static func door(capacity: Double) throws -> MovementFixture {
    try MovementFixture(
      [.init(id: "door", from: "room", to: "out", length: 0, capacity: capacity)],
      shelters: [("yard", "out", nil, 0)])
  }

  @Test(arguments: [0.931, 1.33, 2.0])
  func lastOfAHundredPassesAtNMinusOneOverC(capacity: Double) throws {
    let fixture = try Self.door(capacity: capacity)
    var passes: [Double] = []
    fixture.network.onLeave = { [simulator = fixture.simulator] _, _, _ in
      passes.append(simulator.now.seconds)
    }
    fixture.add(100, at: "room")
    fixture.simulator.run()
    #expect(passes.count == 100)
    let last = try #require(passes.last)
    #expect(abs(last - 99 / capacity) <= 0.001)
    // No window [t_i, t_j] holds more than C (t_j - t_i) + 1 passes, to
    // within one step (times are whole milliseconds).
    var worst = -Double.infinity
    for i in passes.indices {
      for j in i..<passes.count {
        worst = max(worst, Double(j - i + 1) - capacity * (passes[j] - passes[i] + 0.001) - 1)
      }
    }
    #expect(worst <= 1e-9)
  }

  /// A group of persons takes persons / C of the door's time.
  @Test func groupsUseTheDoorForPersonsOverC() throws {
    let fixture = try Self.door(capacity: 2)
    fixture.add(3, at: "room", persons: 10)
    fixture.simulator.run()
    #expect(fixture.arrivals == [0, 5, 10])
  }

  /// evacuation.md §1.4: a fixed pre-movement delay d shifts the result
  /// by exactly d (0 / 30 / 120 s).
  @Test func fixedPreMovementShiftsEveryArrivalByExactlyD() throws {
    func arrivals(delay: Double) throws -> [Double] {
      let fixture = try MovementFixture(
        [
          .init(id: "aisle", from: "seat", to: "room", length: 12, capacity: 5),
          .init(id: "door", from: "room", to: "out", length: 1, capacity: 0.931),
        ],
        shelters: [("yard", "out", nil, 0)])
      fixture.add(100, at: "seat", speed: 1.2, departure: delay)
      fixture.simulator.run()
      return fixture.arrivals
    }
    let base = try arrivals(delay: 0)
    for d in [30.0, 120.0] {
      let shifted = try arrivals(delay: d)
      #expect(zip(base, shifted).allSatisfy { abs($1 - $0 - d) < 1e-9 })
    }
  }
}
