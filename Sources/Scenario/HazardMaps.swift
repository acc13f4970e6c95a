import Hazards
import Township

/// Hazard results as rasters GIS users open: the flood's deepest water and
/// arrival time, the fire's arrival time, on the grids the hazards ran on.
extension FloodModel {
  /// The deepest water each cell held (m), on the terrain's grid.
  public func maxDepthMap() -> Raster {
    raster(solver.maxDepths())
  }

  /// When each cell first got deeper than the arrival depth (sim seconds;
  /// NaN, written as NODATA, where it never did), or nil unless
  /// `trackArrivals` was called.
  public func arrivalMap() -> Raster? {
    arrivals.isEmpty ? nil : raster(arrivals)
  }

  func raster(_ values: [Double]) -> Raster {
    let grid = solver.grid
    return Raster(
      columns: grid.ncols, rows: grid.nrows, west: grid.xllcorner, south: grid.yllcorner,
      cellWidth: grid.cellSize, cellHeight: grid.cellSize, values: values)
  }
}

extension FireModel {
  /// When the fire reached each cell (sim seconds) by `now`, NaN (NODATA)
  /// where it did not, on the fuel raster's grid.
  public func arrivalMap(until now: Double) -> Raster {
    advance(to: now)
    var values = [Double](repeating: .nan, count: frame.columns * frame.rows)
    if let times = spread?.arrivalTimes {
      for (k, time) in times.enumerated() {
        if let time, time <= now { values[k] = time }
      }
    }
    return Raster(
      columns: frame.columns, rows: frame.rows, west: frame.west, south: frame.south,
      cellWidth: frame.cellWidth, cellHeight: frame.cellHeight, values: values)
  }
}
