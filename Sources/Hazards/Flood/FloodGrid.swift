/// The raster a flood runs on: bed elevation and Manning's n per cell.
///
/// Row 0 is the northern row and column 0 the western column, as in ESRI
/// ASCII grids, so a terrain file maps onto it without flipping. Cell
/// (col, row) has its centre at `x = xllcorner + (col + 0.5) dx`,
/// `y = yllcorner + (nrows - row - 0.5) dx`, in the map's metres.
public struct FloodGrid: Sendable, Equatable {
  public let ncols: Int
  public let nrows: Int
  /// Cell side (m).
  public let cellSize: Double
  /// Western edge of the grid (m).
  public let xllcorner: Double
  /// Southern edge of the grid (m).
  public let yllcorner: Double
  /// Bed elevation (m), row-major from the north-west cell.
  public let bed: [Double]
  /// Manning's n (s/m^(1/3)) per cell, row-major like `bed`.
  public let manning: [Double]

  /// A grid over `bed` (ncols x nrows values, row 0 north) with one n for
  /// every cell, or an n raster of the same shape.
  public init(
    ncols: Int, nrows: Int, cellSize: Double, bed: [Double], manning: Double = 0.03,
    manningRaster: [Double]? = nil, xllcorner: Double = 0, yllcorner: Double = 0
  ) throws {
    guard ncols >= 1, nrows >= 1 else {
      throw HazardsError("flood grid", "needs at least one cell")
    }
    guard cellSize > 0, cellSize.isFinite else {
      throw HazardsError("flood grid", "cell size must be positive")
    }
    guard xllcorner.isFinite, yllcorner.isFinite else {
      throw HazardsError("flood grid", "corner must be finite")
    }
    let count = ncols * nrows
    guard bed.count == count else {
      throw HazardsError("flood grid", "bed has \(bed.count) values, expected \(count)")
    }
    if let index = bed.firstIndex(where: { !$0.isFinite }) {
      throw HazardsError("flood grid", "bed value \(index + 1) is not finite")
    }
    let roughness = manningRaster ?? Array(repeating: manning, count: count)
    guard roughness.count == count else {
      throw HazardsError(
        "flood grid", "Manning raster has \(roughness.count) values, expected \(count)")
    }
    if let index = roughness.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
      throw HazardsError("flood grid", "Manning value \(index + 1) must be finite and >= 0")
    }
    self.ncols = ncols
    self.nrows = nrows
    self.cellSize = cellSize
    self.xllcorner = xllcorner
    self.yllcorner = yllcorner
    self.bed = bed
    self.manning = roughness
  }

  /// A flat grid at elevation `z`.
  public static func flat(
    ncols: Int, nrows: Int, cellSize: Double, z: Double = 0, manning: Double = 0.03
  ) throws -> FloodGrid {
    try FloodGrid(
      ncols: ncols, nrows: nrows, cellSize: cellSize,
      bed: Array(repeating: z, count: ncols * nrows), manning: manning)
  }

  /// The (col, row) of the cell containing map point (x, y), or nil outside.
  ///
  /// A point on a cell edge belongs to the cell east of it and south of it.
  public func cell(atX x: Double, y: Double) -> (col: Int, row: Int)? {
    let fx = (x - xllcorner) / cellSize
    let fy = (yllcorner + Double(nrows) * cellSize - y) / cellSize
    guard fx >= 0, fy >= 0, fx < Double(ncols), fy < Double(nrows) else { return nil }
    return (Int(fx), Int(fy))
  }

  /// The map coordinates of the centre of cell (col, row).
  public func centre(col: Int, row: Int) -> (x: Double, y: Double) {
    (
      xllcorner + (Double(col) + 0.5) * cellSize,
      yllcorner + (Double(nrows - row) - 0.5) * cellSize
    )
  }
}
