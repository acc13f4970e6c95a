import Hazards
import Testing

/// Breach geometry and timing (Froehlich 2008), the linear opening, and the
/// level-pool reservoir drained through the weir onto the grid.
@Suite struct FroehlichBreachTests {
  /// hazards.md §9.2's vectors (k0 = 1, piping; one with k0 = 1.3), and the
  /// formulas evaluated term by term.
  @Test func widthAndFormationTimeMatchTheRegressions() throws {
    let small = try FroehlichBreach(volume: 1e5, height: 5, mode: .piping)
    #expect(abs(small.width - 11.46) < 0.01)
    #expect(abs(small.formationTime - 1276) < 1)
    let medium = try FroehlichBreach(volume: 1e6, height: 10, mode: .piping)
    #expect(abs(medium.width - 24.62) < 0.01)
    #expect(abs(medium.formationTime - 2018) < 1)
    let overtopped = try FroehlichBreach(volume: 1e6, height: 10, mode: .overtopping)
    #expect(abs(overtopped.width - 32.01) < 0.01)
    #expect(overtopped.formationTime == medium.formationTime)
    let large = try FroehlichBreach(volume: 1e7, height: 20, mode: .piping)
    #expect(abs(large.width - 52.89) < 0.01)
    #expect(abs(large.formationTime - 3190) < 1)
    // By hand: 1e6^0.32 = 10^1.92 = 83.176, 10^0.04 = 1.09648;
    // sqrt(1e6 / (9.81 x 100)) = 31.9275.
    #expect(abs(medium.width - 0.27 * 83.176_377 * 1.096_478) < 1e-4)
    #expect(abs(medium.formationTime - 63.2 * 31.927_542) < 1e-3)
  }

  @Test func refusesEmptyReservoirsAndFlatBreaches() {
    #expect(throws: HazardsError.self) { try FroehlichBreach(volume: 0, height: 5, mode: .piping) }
    #expect(throws: HazardsError.self) {
      try FroehlichBreach(volume: 1e5, height: 0, mode: .overtopping)
    }
  }
}

@Suite struct FloodStorageTests {
  /// Areas 1000 m2 at 0 m and 3000 m2 at 2 m: a trapezoid by hand.
  @Test func tableVolumesAreTrapezoids() throws {
    let storage = try FloodStorage([(0, 1000), (2, 3000)])
    #expect(storage.area(at: 1) == 2000)
    #expect(storage.volume(at: 1) == 1500)  // (1000 + 2000) / 2 x 1
    #expect(storage.volume(at: 2) == 4000)
    #expect(storage.volume(at: 3) == 7000)  // 4000 + 3000 x 1
    #expect(storage.volume(at: -1) == -1000)
    for level in stride(from: -2.0, through: 4.0, by: 0.37) {
      let back = storage.level(forVolume: storage.volume(at: level))
      #expect(abs(back - level) < 1e-12)
    }
  }

  @Test func refusesFallingLevelsAndEmptyAreas() {
    #expect(throws: HazardsError.self) { try FloodStorage([(1, 100), (0, 200)]) }
    #expect(throws: HazardsError.self) { try FloodStorage([(0, 0)]) }
    #expect(throws: HazardsError.self) { try FloodStorage([]) }
  }
}

@Suite struct FloodBreachTests {
  /// A flat grid at 0 m, 1.2 km square in 20 m cells, with the breach in
  /// the middle.
  static func plain(cells: Int = 60, cellSize: Double = 20) throws -> FloodSolver {
    try FloodSolver(grid: FloodGrid.flat(ncols: cells, nrows: cells, cellSize: cellSize))
  }

  @Test func breachOpensLinearlyOverItsFormationTime() throws {
    let stage = FloodSeries(constant: 8)
    let breach = try FloodBreach(
      x: 600, y: 600, start: 200, water: .river(stage: stage), crest: 10, bottom: 6,
      finalWidth: 40, formationTime: 1000)
    let expected: [(Double, Double, Double)] = [
      (0, 0, 10), (200, 0, 10), (450, 10, 9), (700, 20, 8), (950, 30, 7), (1200, 40, 6),
      (5000, 40, 6),
    ]
    for (t, width, invert) in expected {
      #expect(abs(breach.width(at: t) - width) < 1e-12, "width at \(t) s")
      #expect(abs(breach.invert(at: t) - invert) < 1e-12, "invert at \(t) s")
    }
    // At 950 s: b = 30 m, H = 8 - 7 = 1 m, so Q = Cd 30 sqrt(g).
    let q = breach.discharge(at: 950, upstream: 8, tailwater: 0)
    #expect(abs(q - 0.544_331_053_951_817 * 30 * 9.80655.squareRoot()) < 1e-9)
    #expect(breach.discharge(at: 700, upstream: 8, tailwater: 0) == 0, "invert at the stage")
    #expect(breach.discharge(at: 950, upstream: 8, tailwater: 8.5) == 0, "no backflow")
  }

  /// A constant-area reservoir through a fixed-width weir onto a low
  /// plain: H' = -k H^1.5 with k = Cd b sqrt(g) / A, so
  /// H(t) = (H0^-1/2 + k t / 2)^-2.
  @Test func reservoirDrainsAsTheAnalyticLevelPool() throws {
    let solver = try Self.plain()
    let area = 1e5
    let pool = try FloodReservoir(storage: FloodStorage(area: area), level: 15)
    let breach = try solver.addBreach(
      FloodBreach(
        x: 610, y: 610, start: 0, water: .reservoir(pool), crest: 15, bottom: 10,
        finalWidth: 10, formationTime: 0))
    let k = FloodBreach.criticalWeirCoefficient * 10 * 9.80655.squareRoot() / area
    var worst = 0.0
    for minute in stride(from: 10, through: 120, by: 10) {
      let t = Double(minute) * 60
      solver.advance(to: t)
      let exact = 1 / pow2(1 / 5.0.squareRoot() + 0.5 * k * t)
      let head = (breach.reservoir?.level ?? 0) - 10
      worst = max(worst, abs(head - exact) / exact)
    }
    #expect(worst < 0.01, "worst relative head error \(worst)")
    #expect((breach.reservoir?.level ?? 99) < 12, "the pool must have drained well down")
  }

  /// Whatever leaves the reservoir (a trapezoidal basin with an inflow
  /// hydrograph) is what the closed grid gains, to round-off.
  @Test func reservoirOutflowIsTheGridsGain() throws {
    let solver = try Self.plain(cells: 40)
    let storage = try FloodStorage([(8, 2e4), (12, 6e4)])
    let inflow = try FloodSeries([(0, 0), (600, 30), (1800, 0)])
    let pool = try FloodReservoir(storage: storage, level: 11.5, inflow: inflow)
    let initial = pool.volume
    let breach = try solver.addBreach(
      FloodBreach(
        x: 400, y: 400, start: 120, water: .reservoir(pool), crest: 12, bottom: 9,
        finalWidth: 15, formationTime: 600))
    solver.advance(to: 3600)
    let received = breach.released
    let left = initial + (breach.reservoir?.inflowVolume ?? 0) - (breach.reservoir?.volume ?? 0)
    #expect(received > 1e5, "the breach must have let a real volume through")
    #expect(abs((breach.reservoir?.inflowVolume ?? 0) - 18_000 * 1.5) < 1e-6)
    #expect(abs(left - received) <= 1e-9 * received)
    #expect(abs(solver.volume() - received) <= 1e-9 * received)
    #expect(abs(solver.expectedVolume - solver.volume()) <= 1e-9 * received)
  }

  /// A small closed plain fills until its water meets the pool: flow then
  /// stops and never runs back, and nothing is lost.
  @Test func flowStopsWhenTheFloodplainMeetsThePool() throws {
    let solver = try Self.plain(cells: 10, cellSize: 10)
    let pool = try FloodReservoir(storage: FloodStorage(area: 2000), level: 6)
    let breach = try solver.addBreach(
      FloodBreach(
        x: 50, y: 50, start: 0, water: .reservoir(pool), crest: 6, bottom: 0,
        finalWidth: 5, formationTime: 60))
    solver.advance(to: 3 * 3600)
    // Levels meet at z: 2000 (6 - z) = 10000 z, z = 1 m.
    let level = breach.reservoir?.level ?? 0
    let plain = solver.volume() / 10_000
    #expect(abs(level - 1) < 0.02, "pool level \(level)")
    #expect(abs(plain - 1) < 0.02, "floodplain level \(plain)")
    #expect(abs(solver.volume() - breach.released) <= 1e-9 * breach.released)
    #expect(breach.lastOutflow < 0.01)
  }

  @Test func riverBreachOutsideTheGridIsRefused() throws {
    let solver = try Self.plain(cells: 10, cellSize: 10)
    let breach = try FloodBreach(
      x: 500, y: 50, start: 0, water: .river(stage: FloodSeries(constant: 3)), crest: 4,
      bottom: 1, finalWidth: 10, formationTime: 0)
    #expect(throws: HazardsError.self) { try solver.addBreach(breach) }
  }
}

private func pow2(_ x: Double) -> Double { x * x }
