/// The UK Environment Agency 2-D benchmark Test 4 set-up (Néelz & Pender
/// 2013): flood propagation over a flat 1000 m x 2000 m floodplain.
///
/// The inputs are fully synthetic (hazards.md §2), so the case is built
/// here rather than loaded: the acceptance test compares it with the ANUGA
/// series in reference/ea4_anuga_reference.csv, and the `flood` benchmark
/// times it against ANUGA's 802 s.
public enum FloodEATest4 {
  /// Domain width west to east (m).
  public static let width = 1000.0
  /// Domain height south to north (m).
  public static let height = 2000.0
  /// Manning's n everywhere.
  public static let manning = 0.05
  /// Simulated duration (s).
  public static let duration = 18_000.0
  /// The gauges P1..P6 (x, y in m, origin at the south-west corner).
  public static let gauges: [(name: String, x: Double, y: Double)] = [
    ("P1", 50, 1000), ("P2", 100, 1000), ("P3", 200, 1000),
    ("P4", 300, 1000), ("P5", 400, 1000), ("P6", 300, 1300),
  ]

  /// The inflow hydrograph (m3/s): zero until 300 s, rising to 20 m3/s at
  /// 3600 s, held to 14400 s, back to zero at 18000 s.
  public static func hydrograph() throws -> FloodSeries {
    try FloodSeries([(0, 0), (300, 0), (3600, 20), (14_400, 20), (18_000, 0)])
  }

  /// The set-up at `cellSize` (m; must divide 1000): flat bed at 0, closed
  /// walls, inflow along the 20 m line x = 0, y 990..1010 (taken at the
  /// centre of the western column).
  public static func solver(
    cellSize: Double = 10, parameters: FloodParameters = FloodParameters()
  ) throws -> FloodSolver {
    let ncols = Int((width / cellSize).rounded())
    let nrows = Int((height / cellSize).rounded())
    guard Double(ncols) * cellSize == width, Double(nrows) * cellSize == height else {
      throw HazardsError("EA test 4", "cell size \(cellSize) m does not divide the domain")
    }
    let grid = try FloodGrid.flat(
      ncols: ncols, nrows: nrows, cellSize: cellSize, z: 0, manning: manning)
    let solver = try FloodSolver(grid: grid, parameters: parameters)
    let x = 0.5 * cellSize
    try solver.addInflow(fromX: x, fromY: 990, toX: x, toY: 1010, hydrograph: hydrograph())
    return solver
  }
}
