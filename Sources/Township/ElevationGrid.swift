/// A raster of ground elevations in the local frame, north row first.
///
/// The layout of an ESRI ASCII grid: `columns` x `rows` square cells of
/// `cellSize` metres whose lower-left corner is (`xLowerLeft`,
/// `yLowerLeft`); `values` holds row 0 (the northernmost) first, west to
/// east. Float32 keeps a county-sized DEM (millions of cells) small; it
/// resolves elevations of a few hundred metres to about a millimetre.
public struct ElevationGrid: Sendable, Equatable {
  public let columns: Int
  public let rows: Int
  public let xLowerLeft: Double
  public let yLowerLeft: Double
  public let cellSize: Double
  /// The value that marks a cell without data.
  public let noData: Float
  /// Elevations, metres; `rows * columns` values, north row first.
  public private(set) var values: [Float]

  /// A grid of `columns` x `rows` cells, all set to `noData`.
  public init(
    columns: Int, rows: Int, xLowerLeft: Double, yLowerLeft: Double, cellSize: Double,
    noData: Float = -9_999
  ) {
    self.columns = max(columns, 0)
    self.rows = max(rows, 0)
    self.xLowerLeft = xLowerLeft
    self.yLowerLeft = yLowerLeft
    self.cellSize = cellSize
    self.noData = noData
    values = [Float](repeating: noData, count: self.columns * self.rows)
  }

  /// The centre of a cell (row 0 is the northernmost).
  public func centre(column: Int, row: Int) -> MapPoint {
    MapPoint(
      x: xLowerLeft + (Double(column) + 0.5) * cellSize,
      y: yLowerLeft + (Double(rows - row) - 0.5) * cellSize)
  }

  /// The elevation of a cell.
  public subscript(column: Int, row: Int) -> Float {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }
}

extension SyntheticTerrain {
  /// Samples the terrain at cell centres over its bounds.
  ///
  /// - Parameter cellSize: metres per cell.
  /// - Returns: the grid over `bounds`, north row first.
  public func elevationGrid(cellSize: Double) -> ElevationGrid {
    let (low, high) = bounds
    let columns = Int(((high.x - low.x) / cellSize).rounded(.up))
    let rows = Int(((high.y - low.y) / cellSize).rounded(.up))
    var grid = ElevationGrid(
      columns: columns, rows: rows, xLowerLeft: low.x, yLowerLeft: low.y, cellSize: cellSize)
    for row in 0..<rows {
      for column in 0..<columns {
        grid[column, row] = Float(elevation(at: grid.centre(column: column, row: row)))
      }
    }
    return grid
  }
}
