import Hazards
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cell-centre flow speed and unit discharge, on steady uniform flow down
/// an inclined strip: continuity gives the discharge, Manning the speed.
@Suite struct FloodVelocityTests {
  static let slope = 0.01
  static let manning = 0.035
  static let cellSize = 10.0
  /// Inflow at the head of the strip (m3/s): 0.3 m2/s over one cell width.
  static let inflow = 3.0

  @Test func uniformFlowDownASlopeMatchesContinuityAndManning() throws {
    let ncols = 60
    let bed = (0..<ncols).map { Double(ncols - $0) * Self.cellSize * Self.slope }
    let grid = try FloodGrid(
      ncols: ncols, nrows: 1, cellSize: Self.cellSize, bed: bed, manning: Self.manning)
    let solver = try FloodSolver(
      grid: grid, boundaries: FloodBoundaries(east: .free(slope: Self.slope)))
    try solver.addInflow(x: 5, y: 5, hydrograph: FloodSeries([(0, Self.inflow)]))
    solver.advance(to: 4 * 3600)
    // Away from the inflow and the outlet, in the steady state:
    let col = 30
    let q = Self.inflow / Self.cellSize
    let h = solver.depth(col: col, row: 0)
    #expect(abs(solver.unitDischarge(col: col, row: 0) - q) < 1e-3 * q)
    // Manning: v = h^(2/3) S^(1/2) / n, with the solver's own depth.
    let manningSpeed = pow(h, 2.0 / 3.0) * Self.slope.squareRoot() / Self.manning
    #expect(abs(solver.speed(col: col, row: 0) - manningSpeed) < 0.02 * manningSpeed)
    // And the normal depth of q = h^(5/3) S^(1/2) / n.
    let normal = pow(q * Self.manning / Self.slope.squareRoot(), 3.0 / 5.0)
    #expect(abs(h - normal) < 0.02 * normal)
    #expect(solver.speed(atX: 305, y: 5) == solver.speed(col: col, row: 0))
  }

  @Test func stillWaterHasNoSpeed() throws {
    let grid = try FloodGrid.flat(ncols: 5, nrows: 5, cellSize: 10)
    let solver = try FloodSolver(grid: grid)
    solver.fill(level: 1)
    solver.advance(to: 600)
    #expect(solver.speed(col: 2, row: 2) == 0)
    #expect(solver.unitDischarge(col: 2, row: 2) == 0)
    // A dry cell has none either.
    let dry = try FloodSolver(grid: grid)
    #expect(dry.speed(col: 0, row: 0) == 0)
  }
}
