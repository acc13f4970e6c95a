import Hazards
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Hunter (2005) wet front on a flat frictional plane (hazards.md §3 F4).
///
/// A 1-D strip fed by the analytic depth at its western edge, checked
/// against `h = [(7/3)(n^2 u^2 (u t - x))]^(3/7)` at t = 3600 s.
@Suite struct FloodHunterTests {
  static let speed = 0.5
  static let manning = 0.05
  static let cellSize = 10.0
  static let duration = 3600.0

  /// The analytic depth at distance `x` and time `t`.
  static func analytic(_ x: Double, _ t: Double) -> Double {
    let inner = 7.0 / 3.0 * manning * manning * speed * speed * (speed * t - x)
    return inner > 0 ? pow(inner, 3.0 / 7.0) : 0
  }

  /// Runs the strip; returns (RMSE over the analytically wet cells, numerical
  /// front, analytic front).
  static func run() throws -> (rmse: Double, front: Double, exact: Double, edge: Double) {
    let ncols = 500
    let grid = try FloodGrid.flat(ncols: ncols, nrows: 1, cellSize: cellSize, manning: manning)
    // The edge level follows h(0, t), sampled every 5 s (linear in between).
    let level = try FloodSeries(
      (0...Int(duration / 5) + 1).map { (Double($0) * 5, analytic(0, Double($0) * 5)) })
    let solver = try FloodSolver(grid: grid, boundaries: FloodBoundaries(west: .level(level)))
    solver.advance(to: duration)
    let depths = solver.depths()
    var squares = 0.0
    var count = 0
    var front = 0.0
    for col in 0..<ncols {
      let x = (Double(col) + 0.5) * cellSize
      let exact = analytic(x, duration)
      if exact > 0 {
        squares += (depths[col] - exact) * (depths[col] - exact)
        count += 1
      }
      if depths[col] > FloodParameters().depthThreshold { front = x }
    }
    return ((squares / Double(count)).squareRoot(), front, speed * duration, depths[0])
  }

  @Test func lowFroudeFrontMatchesTheAnalyticProfile() throws {
    let reference = [
      (0.0, 1.5123), (500, 1.3154), (1000, 1.0683), (1500, 0.7017), (1700, 0.4382),
      (1790, 0.1633),
    ]
    for (x, depth) in reference {
      #expect(abs(Self.analytic(x, Self.duration) - depth) < 1e-4, "analytic profile at \(x) m")
    }
    let result = try Self.run()
    print(
      "Hunter 2005: RMSE \(result.rmse) m, front \(result.front) m vs \(result.exact) m,"
        + " h(5 m) \(result.edge) m")
    #expect(result.rmse <= 0.015)
    #expect(abs(result.front - result.exact) <= 25)
  }
}
