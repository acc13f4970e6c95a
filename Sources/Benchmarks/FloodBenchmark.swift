import Foundation
import Hazards

/// The flood solver's benchmarks: its cell-update rate on a fully wet grid,
/// and the wall time of the whole EA Test 4 run.
///
/// DESIGN.md §7 sets >= 50 M wet-cell updates/s per core and >= 100x ANUGA
/// on EA Test 4 (ANUGA: 802 s on one core, reference/hazards.md §1.5).
/// Only the stepping is timed; building the grid is not.
struct FloodBenchmark {
  /// Side of the square wet grid (cells).
  var size = BenchmarkSize.pick(500, short: 100)
  /// Steps timed on it.
  var steps = BenchmarkSize.pick(300, short: 60)

  /// Both results: `flood` (updates/s) and `flood-ea4` (the 5 h run).
  func run() -> [BenchmarkResult] {
    do {
      // EA Test 4 has one size (its 5 h at 10 m), too long for short mode.
      return BenchmarkSize.isShort ? [try wetGrid()] : [try wetGrid(), try eaTest4()]
    } catch {
      print("flood: \(error)")
      return []
    }
  }

  /// A wet-bed dam break on a 500 x 500 grid of 5 m cells over a gently
  /// undulating bed: every cell is wet from the first step.
  ///
  /// Events are wet-cell updates as the solver counts them
  /// (`wetCellUpdates`): one per cell wet after its step, so neither the
  /// dry ring the wet-cell list sweeps nor a cell twice. Here that is every
  /// cell of every step, 250 000 x 300.
  func wetGrid() throws -> BenchmarkResult {
    var bed: [Double] = []
    bed.reserveCapacity(size * size)
    for row in 0..<size {
      for col in 0..<size {
        let x = Double(col) / Double(size)
        let y = Double(row) / Double(size)
        bed.append(0.2 * sin(6 * x) * cos(5 * y))
      }
    }
    let grid = try FloodGrid(ncols: size, nrows: size, cellSize: 5, bed: bed, manning: 0.03)
    let solver = try FloodSolver(grid: grid)
    solver.fill(level: 1.0)
    var depths = solver.depths()
    for row in 0..<size {
      for col in 0..<(size / 2) { depths[row * size + col] += 1.0 }
    }
    try solver.setDepths(depths)
    let before = solver.wetCellUpdates
    let (wall, cpu) = Stopwatch.wallAndCPUSeconds {
      for _ in 0..<steps { solver.step() }
    }
    var result = BenchmarkResult(
      name: "flood", queue: "FloodSolver \(size)x\(size) wet dam break",
      events: solver.wetCellUpdates - before, wallSeconds: wall)
    result.cpuSeconds = cpu
    return result
  }

  /// EA Test 4 at 10 m for its full 5 h; events are the cell updates.
  ///
  /// The run stops every 300 s of simulated time to read the gauges and
  /// the stopwatch (reading is outside the timed part), so scripts/bench
  /// can compare depths and wall time with ANUGA at any 300 s mark.
  func eaTest4() throws -> BenchmarkResult {
    let solver = try FloodEATest4.solver(cellSize: 10)
    let interval = 300.0
    var times: [Double] = []
    var splits: [Double] = []
    var gauges: [String: [Double]] = [:]
    var seconds = 0.0
    var target = interval
    while target <= FloodEATest4.duration {
      seconds += Stopwatch.seconds { solver.advance(to: target) }
      times.append(target)
      splits.append(seconds)
      for gauge in FloodEATest4.gauges {
        gauges[gauge.name, default: []].append(solver.depth(atX: gauge.x, y: gauge.y) ?? 0)
      }
      target += interval
    }
    var result = BenchmarkResult(
      name: "flood-ea4", queue: "FloodSolver EA Test 4 10 m 5 h (\(solver.steps) steps)",
      events: solver.cellUpdates, wallSeconds: seconds)
    result.gauges = gauges
    result.sampleTimes = times
    result.splitSeconds = splits
    return result
  }

  /// The catalog entry.
  static let entry = Benchmark(
    name: "flood",
    summary:
      "flood solver: wet-cell updates/s on a wet 500x500 dam break; EA Test 4 10 m 5 h wall time",
    run: { FloodBenchmark().run() })
}
