import Foundation
import Hazards
import Scenario
import Testing
import Township

/// Open flood edges (`FloodModel.setBoundaries`, `sim.flood.edges`): water
/// leaves where the raster ends, the volume balance still closes, and a
/// lake at rest beside a free edge stays exactly at rest.
@Suite struct FloodEdgeTests {
  /// A strip 400 m long, 100 m wide, falling 1 m per km to the east, with
  /// a 0.5 m deep channel along its middle row.
  static func strip() -> Raster {
    var values: [Double] = []
    for row in 0..<10 {
      for column in 0..<40 {
        let fall = 0.001 * (Double(column) + 0.5) * 10
        values.append(10 - fall - (row == 5 ? 0.5 : 0))
      }
    }
    return Raster(
      columns: 40, rows: 10, west: 0, south: 0, cellWidth: 10, cellHeight: 10, values: values)
  }

  /// A bumpy bed (0.3 to 1.3 m) whose low parts a fill at 1 m turns into
  /// a lake with islands, touching the east edge.
  static func bumpy() -> Raster {
    var values: [Double] = []
    for row in 0..<20 {
      for column in 0..<30 {
        let x = Double(column) / 30
        let y = Double(row) / 20
        values.append(0.8 + 0.5 * sin(9 * x) * cos(7 * y))
      }
    }
    return Raster(
      columns: 30, rows: 20, west: 0, south: 0, cellWidth: 10, cellHeight: 10, values: values)
  }

  @Test func aFreeEastEdgeLetsTheRiverOutAndTheBalanceCloses() throws {
    let flood = try FloodModel(terrain: Self.strip(), roughness: nil, at: 0)
    try flood.setBoundaries(FloodBoundaries(east: .free(slope: nil)))
    try flood.addInflow(x: 15, y: 45, points: [(0, 0.5), (3_600, 2), (7_200, 0.5)])
    try flood.addRain(mmPerHour: 30, from: 0, to: 3_600)
    var stored = [0.0]
    for minute in 1...180 {
      flood.advance(to: Double(minute) * 60)
      stored.append(flood.volume)
    }
    let solver = flood.solver
    let added = solver.inflowVolume + solver.rainVolume
    #expect(flood.outflowVolume > 0.5 * added, "most of the water must have left")
    #expect(abs(added - flood.outflowVolume - flood.volume) <= 1e-9 * added)
    // A closed strip keeps every litre of the same sources.
    let closed = try FloodModel(terrain: Self.strip(), roughness: nil, at: 0)
    try closed.addInflow(x: 15, y: 45, points: [(0, 0.5), (3_600, 2), (7_200, 0.5)])
    try closed.addRain(mmPerHour: 30, from: 0, to: 3_600)
    closed.advance(to: 180 * 60)
    #expect(closed.outflowVolume == 0)
    #expect(abs(closed.volume - added) <= 1e-9 * added)
    #expect(closed.maxDepth > flood.maxDepth, "behind a wall the water piles up")
  }

  @Test func aLakeAtRestBesideAFreeEdgeStaysExactlyAtRest() throws {
    let flood = try FloodModel(terrain: Self.bumpy(), roughness: nil, at: 0)
    try flood.setBoundaries(FloodBoundaries(east: .free(slope: nil)))
    flood.fill(level: 1.0)
    let before = flood.solver.depths()
    let east = (0..<20).map { before[$0 * 30 + 29] }
    #expect(east.contains { $0 > 0 }, "the lake must reach the free edge")
    flood.advance(to: 3_600)
    #expect(flood.solver.depths() == before)
    #expect(flood.solver.eastwardDischarges().allSatisfy { $0 == 0 })
    #expect(flood.outflowVolume == 0)
  }

  @Test func aNormalDepthEdgeDrainsTheLakeAndAccountsForIt() throws {
    let flood = try FloodModel(terrain: Self.bumpy(), roughness: nil, at: 0)
    try flood.setBoundaries(FloodBoundaries(east: .free(slope: 0.001)))
    flood.fill(level: 1.0)
    let filled = flood.volume
    flood.advance(to: 3_600)
    #expect(flood.outflowVolume > 0)
    #expect(abs(filled - flood.outflowVolume - flood.volume) <= 1e-9 * filled)
  }

  @Test func aNegativeSlopeIsRefused() throws {
    let flood = try FloodModel(terrain: Self.strip(), roughness: nil, at: 0)
    #expect(throws: ScenarioError.self) {
      try flood.setBoundaries(FloodBoundaries(west: .free(slope: -0.01)))
    }
    #expect(flood.boundaries == .closed)
  }

  static let sloped = HazardHarness.grid(columns: 40, rows: 10, cellSize: 10) { x, y in
    10 - 0.001 * x - (abs(y - 55) < 5 ? 0.5 : 0)
  }

  static func river(edges: String) -> String {
    """
    scenario { name = "strip", terrain = "dem.asc", duration = hours(2) }
    \(edges)
    sim.flood.inflow { x = 15, y = 55, m3_per_s = 1 }
    """
  }

  @Test func theScriptOpensAnEdge() throws {
    let open = try HazardHarness.run(
      Self.river(edges: "sim.flood.edges { east = 'free' }"), files: ["dem.asc": Self.sloped])
    #expect(open.result.error == nil, "\(open.result.error ?? "")")
    let shut = try HazardHarness.run(Self.river(edges: ""), files: ["dem.asc": Self.sloped])
    // 1 m3/s for two hours: all of it stays behind a wall, little past a free edge.
    #expect(abs((shut.metrics["flood.volume_m3"] ?? 0) - 7_200) < 1e-6)
    #expect((open.metrics["flood.volume_m3"] ?? 7_200) < 3_600)
    let normal = try HazardHarness.run(
      Self.river(edges: "sim.flood.edges { east = 0.001, north = 'closed' }"),
      files: ["dem.asc": Self.sloped])
    #expect(normal.result.error == nil, "\(normal.result.error ?? "")")
    #expect((normal.metrics["flood.volume_m3"] ?? 7_200) < 3_600)
  }

  @Test(arguments: [
    ("sim.flood.edges { east = 'open' }", "field 'east' must be 'closed', 'free' or a bed slope"),
    ("sim.flood.edges { east = -0.5 }", "field 'east' must be a bed slope >= 0"),
    ("sim.flood.edges { downstream = 'free' }", "unknown field 'downstream'"),
  ])
  func badEdgesSayWhy(line: String, message: String) throws {
    // In a process, so that the error is the run's, not the load's.
    let outcome = try HazardHarness.run(
      Self.river(edges: "sim.process(function() \(line) end)"), files: ["dem.asc": Self.sloped])
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }

  @Test func theScriptSetsTheScheme() throws {
    let files = ["dem.asc": Self.sloped]
    let standard = try HazardHarness.run(Self.river(edges: ""), files: files)
    let halfStep = try HazardHarness.run(
      Self.river(edges: "sim.flood.scheme { alpha = 0.3 }"), files: files)
    let lisflood = try HazardHarness.run(
      Self.river(edges: "sim.flood.scheme { theta = 1, alpha = 0.7 }"), files: files)
    for outcome in [standard, halfStep, lisflood] {
      #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    }
    let steps = (standard.metrics["flood.steps"] ?? 0, halfStep.metrics["flood.steps"] ?? 0)
    // The step follows alpha: half of 0.6 takes about twice the steps.
    #expect(steps.0 > 100 && abs(steps.1 / steps.0 - 2) < 0.1, "\(steps)")
    #expect(lisflood.metrics["flood.steps"] ?? 0 < steps.0)
    // A closed strip keeps every litre whatever the scheme.
    for outcome in [halfStep, lisflood] {
      #expect(abs((outcome.metrics["flood.volume_m3"] ?? 0) - 7_200) < 1e-6)
    }
  }

  @Test(arguments: [
    ("sim.flood.scheme { theta = 1.5 }", "field 'theta' must be in [0, 1]"),
    ("sim.flood.scheme { alpha = 0 }", "field 'alpha' must be in (0, 1]"),
    ("sim.flood.scheme { cfl = 0.5 }", "unknown field 'cfl'"),
  ])
  func badSchemesSayWhy(line: String, message: String) throws {
    let outcome = try HazardHarness.run(
      Self.river(edges: "sim.process(function() \(line) end)"), files: ["dem.asc": Self.sloped])
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
