import Hazards

/// Shared builders for the flood tests: deterministic bumpy beds and
/// whole-state snapshots.
enum FloodTestSupport {
  /// A bumpy bed `0.8 + 0.5 sin(9x) cos(7y) + 0.1 noise` on [0, 1]^2 (hazards.md F1),
  /// with a fixed-seed noise so every run sees the same bed.
  static func bumpyBed(ncols: Int, nrows: Int) -> [Double] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var bed: [Double] = []
    for row in 0..<nrows {
      for col in 0..<ncols {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let noise = Double(state >> 11) / Double(1 << 53)
        let x = Double(col) / Double(ncols)
        let y = Double(row) / Double(nrows)
        bed.append(0.8 + 0.5 * sin(9 * x) * cos(7 * y) + 0.1 * noise)
      }
    }
    return bed
  }

  /// A bowl: bed rising with the square of the distance from the centre.
  static func bowlBed(ncols: Int, nrows: Int, cellSize: Double) -> [Double] {
    var bed: [Double] = []
    for row in 0..<nrows {
      for col in 0..<ncols {
        let x = (Double(col) - Double(ncols - 1) / 2) * cellSize
        let y = (Double(row) - Double(nrows - 1) / 2) * cellSize
        bed.append((x * x + y * y) / 40_000)
      }
    }
    return bed
  }

  /// Depths and both discharge rasters, for bit-exact comparisons.
  static func snapshot(_ solver: FloodSolver) -> [Double] {
    solver.depths() + solver.eastwardDischarges() + solver.southwardDischarges()
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
