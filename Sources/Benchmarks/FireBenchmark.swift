import Foundation
import Hazards

/// The fire spread's benchmark: cells ignited per second by the
/// minimum-travel-time search on a large uniform landscape.
///
/// A 1000 x 1000 grid of 10 m FM1 cells, a wind-driven ellipse from a
/// centre ignition, burned until every cell has ignited; events are cell
/// ignitions taken one at a time through `nextIgnition()`, as the
/// discrete-event loop does. Only the search is timed; preparing the
/// landscape and the per-cell spread rates is not.
struct FireBenchmark {
  /// Side of the square landscape (cells).
  var size = BenchmarkSize.pick(1000, short: 200)

  /// The one result, `fire` (cells ignited/s).
  func run() -> [BenchmarkResult] {
    do {
      return [try uniform()]
    } catch {
      print("fire: \(error)")
      return []
    }
  }

  /// Uniform FM1, 5 mph midflame wind toward the north-east, centre ignition.
  func uniform() throws -> BenchmarkResult {
    guard let fuel = FuelModel.standard(code: "FM1") else {
      throw HazardsError("fire benchmark", "fuel model FM1 is missing")
    }
    let moisture = FuelMoisture(
      dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.60, liveWoody: 0.90)
    let land = try FireLandscape(rows: size, columns: size, cellSize: 10, fuel: fuel)
    var spread = FireSpread(
      landscape: land, moisture: moisture,
      wind: .midflame(speed: FireUnits.metresPerMinute(mph: 5), toward: 45))
    try spread.ignite(row: size / 2, column: size / 2)
    var ignited = 0
    let seconds = Stopwatch.seconds {
      while spread.nextIgnition() != nil { ignited += 1 }
    }
    return BenchmarkResult(
      name: "fire", queue: "FireSpread \(size)x\(size) uniform FM1, wind, 80 directions",
      events: ignited, wallSeconds: seconds)
  }

  /// The catalog entry.
  static let entry = Benchmark(
    name: "fire",
    summary: "fire spread: cells ignited/s, 1000x1000 uniform FM1 with wind, centre ignition",
    run: { FireBenchmark().run() })
}
