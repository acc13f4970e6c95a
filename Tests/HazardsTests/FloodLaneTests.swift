import Foundation
import Hazards
import Testing

/// A cell gets the same bits whichever lane or loop updates it.
///
/// The face and depth loops go four cells at a time with a cell-by-cell
/// remainder, so which loop and which lane handles a cell depends on where
/// its span starts: at the grid's west edge in the whole-grid sweep, one
/// cell west of the wet cells with the wet-cell list. The same terrain and
/// water shifted by one, two or three columns, swept either way, must give
/// the same bits, shifted: a lane that computed anything but the one-cell
/// arithmetic would break that.
@Suite struct FloodLaneTests {
  private let ncols = 41
  private let nrows = 19
  private let width = 31

  /// Depths and greatest depths of the pattern's cells after `steps` steps,
  /// with the pattern `offset` columns from the west edge, walled around.
  private func run(offset: Int, theta: Double, wetList: Bool) throws -> [UInt64] {
    let pattern = FloodTestSupport.bumpyBed(ncols: width, nrows: nrows)
    var bed = Array(repeating: 10.0, count: ncols * nrows)
    for row in 0..<nrows {
      for col in 0..<width { bed[row * ncols + offset + col] = pattern[row * width + col] }
    }
    let grid = try FloodGrid(ncols: ncols, nrows: nrows, cellSize: 5, bed: bed, manning: 0.03)
    var parameters = FloodParameters()
    parameters.theta = theta
    parameters.wetCellList = wetList
    let solver = try FloodSolver(grid: grid, parameters: parameters)
    var depths = Array(repeating: 0.0, count: ncols * nrows)
    for row in 0..<nrows {
      // A wet block on the west side of the pattern, ragged by row so the
      // wet spans start and end in every lane.
      for col in 0..<(9 + row % 5) {
        let cell = row * ncols + offset + col
        depths[cell] = max(1.6 - bed[cell], 0)
      }
    }
    try solver.setDepths(depths)
    for _ in 0..<150 { solver.step() }
    let final = solver.depths()
    let greatest = solver.maxDepths()
    var bits: [UInt64] = []
    for row in 0..<nrows {
      for col in 0..<width {
        bits.append(final[row * ncols + offset + col].bitPattern)
        bits.append(greatest[row * ncols + offset + col].bitPattern)
      }
    }
    return bits
  }

  @Test(arguments: [1.0, 0.7])
  func shiftedPatternGivesTheSameBits(theta: Double) throws {
    let reference = try run(offset: 1, theta: theta, wetList: true)
    // The water reached the far (east) end of the pattern's middle row.
    let farEast = (nrows / 2) * width + width - 1
    #expect(Double(bitPattern: reference[2 * farEast + 1]) > 0.1)
    for offset in 1...4 {
      for wetList in [false, true] where offset > 1 || !wetList {
        let shifted = try run(offset: offset, theta: theta, wetList: wetList)
        #expect(shifted == reference, "offset \(offset), wet list \(wetList)")
      }
    }
  }
}
