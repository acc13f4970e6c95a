/// Flow speed and unit discharge at cell centres, and first-arrival times.
///
/// The scheme keeps discharges on faces; a cell's velocity is the mean of
/// its two faces per axis (the usual reconstruction of LISFLOOD-FP's
/// velocity output), divided by the cell's depth. Road closure by depth x
/// velocity and the pedestrian hazard rating read these.
extension FloodSolver {
  /// Unit discharge (m2/s) at the centre of cell (col, row): the magnitude
  /// of the face-averaged discharge, which is depth x speed; 0 where the
  /// cell is not deeper than the depth threshold.
  public func unitDischarge(col: Int, row: Int) -> Double {
    precondition(col >= 0 && col < grid.ncols && row >= 0 && row < grid.nrows, "cell out of grid")
    let c = padded(col: col, row: row)
    guard depth[c] > parameters.depthThreshold else { return 0 }
    let east = 0.5 * (qx[c - 1] + qx[c])
    let south = 0.5 * (qy[c - stride] + qy[c])
    return (east * east + south * south).squareRoot()
  }

  /// Depth-averaged flow speed (m/s) at the centre of cell (col, row); 0
  /// where the cell is not deeper than the depth threshold.
  public func speed(col: Int, row: Int) -> Double {
    let q = unitDischarge(col: col, row: row)
    return q > 0 ? q / depth[padded(col: col, row: row)] : 0
  }

  /// Speed (m/s) at a map point, or nil outside the grid.
  public func speed(atX x: Double, y: Double) -> Double? {
    guard let cell = grid.cell(atX: x, y: y) else { return nil }
    return speed(col: cell.col, row: cell.row)
  }

  /// Stamps `arrival` (row-major, NaN = not yet) with `time` for every
  /// cell deeper than `threshold` that has no arrival yet.
  ///
  /// Only the active cells are visited (every wet cell is active), so a
  /// caller can track arrivals at each of its own steps cheaply.
  public func markArrivals(_ arrival: inout [Double], deeperThan threshold: Double, at time: Double)
  {
    precondition(arrival.count == grid.ncols * grid.nrows, "one arrival per cell")
    var k = 0
    while k < spans.count {
      for c in Int(spans[k])..<Int(spans[k + 1]) where depth[c] > threshold {
        let index = (c / stride - 1) * grid.ncols + c % stride - 1
        if arrival[index].isNaN { arrival[index] = time }
      }
      k += 2
    }
  }
}
