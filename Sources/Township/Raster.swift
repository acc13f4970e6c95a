/// A regular grid of values: terrain heights, fuel codes, roughness.
///
/// Hazard models work on cells, and the grids come as ESRI ASCII files, so
/// the type follows that format's conventions exactly. Convention: the grid
/// has `columns` x `rows` cells of `cellWidth` x `cellHeight`; (`west`,
/// `south`) is the outer lower-left *corner* of the lower-left cell
/// (`xllcorner`, `yllcorner`). Values are stored row-major from the north
/// row, as in the file: `values[row * columns + column]`, row 0 at the top.
/// Each value belongs to its cell's *centre*, so cell (column, row) sits at
/// x = west + (column + 0.5) * cellWidth,
/// y = south + (rows - row - 0.5) * cellHeight. Coordinates are in whatever
/// frame the grid was made in: degrees (x longitude, y latitude) for a
/// geographic grid, metres for a projected or local one. Cells without data
/// hold NaN; `noDataValue` is what a writer puts in their place.
public struct Raster: Sendable {
  public let columns: Int
  public let rows: Int
  /// x of the grid's west edge (the outer corner, not a cell centre).
  public let west: Double
  /// y of the grid's south edge (the outer corner, not a cell centre).
  public let south: Double
  public let cellWidth: Double
  public let cellHeight: Double
  /// Row-major from the north row; NaN marks a cell without data.
  public var values: [Double]
  /// The value files use for cells without data.
  public var noDataValue: Double

  /// The NODATA value written when a grid declares none.
  public static let defaultNoDataValue = -9999.0

  /// Creates a grid; `values` must hold `columns * rows` numbers, north row first.
  public init(
    columns: Int, rows: Int, west: Double, south: Double, cellWidth: Double,
    cellHeight: Double, values: [Double], noDataValue: Double = Raster.defaultNoDataValue
  ) {
    precondition(columns > 0 && rows > 0 && values.count == columns * rows, "grid size mismatch")
    precondition(cellWidth > 0 && cellHeight > 0, "cell sizes must be positive")
    self.columns = columns
    self.rows = rows
    self.west = west
    self.south = south
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    self.values = values
    self.noDataValue = noDataValue
  }

  /// Creates a grid of square cells filled with one value.
  public init(
    columns: Int, rows: Int, west: Double, south: Double, cellSize: Double,
    filledWith value: Double = .nan
  ) {
    self.init(
      columns: columns, rows: rows, west: west, south: south, cellWidth: cellSize,
      cellHeight: cellSize, values: [Double](repeating: value, count: columns * rows))
  }

  /// x of the grid's east edge.
  public var east: Double { west + Double(columns) * cellWidth }
  /// y of the grid's north edge.
  public var north: Double { south + Double(rows) * cellHeight }

  /// The value of a cell (NaN without data); row 0 is the north row.
  public subscript(column: Int, row: Int) -> Double {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// The centre of a cell, in the grid's frame.
  public func centre(column: Int, row: Int) -> MapPoint {
    MapPoint(
      x: west + (Double(column) + 0.5) * cellWidth,
      y: south + (Double(rows - row) - 0.5) * cellHeight)
  }

  /// The cell that contains a point, or nil outside the grid.
  ///
  /// Points on a shared edge belong to the cell east or south of it; the
  /// grid's own east and north edges belong to the last cells.
  public func cell(containing point: MapPoint) -> (column: Int, row: Int)? {
    let u = (point.x - west) / cellWidth
    let v = (north - point.y) / cellHeight
    guard u >= 0, v >= 0, u <= Double(columns), v <= Double(rows) else { return nil }
    return (min(Int(u), columns - 1), min(Int(v), rows - 1))
  }

  /// The smallest and largest values with data, or nil when every cell is empty.
  public var valueRange: ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for value in values where !value.isNaN {
      low = min(low, value)
      high = max(high, value)
    }
    return low <= high ? low...high : nil
  }

  /// How many cells hold no data.
  public var noDataCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

  /// The value at a point, bilinear between the four nearest cell centres.
  ///
  /// Values are known at cell centres, so between centres they are
  /// interpolated; in the half cell between the outermost centres and the
  /// grid edge the edge value is held. Neighbours without data drop out and
  /// the weights of the rest are renormalised, so a sample next to a hole
  /// still answers; nil when the point lies outside the grid or all four
  /// neighbours are empty.
  public func sample(at point: MapPoint) -> Double? {
    guard point.x >= west, point.x <= east, point.y >= south, point.y <= north else {
      return nil
    }
    let u = min(max((point.x - west) / cellWidth - 0.5, 0), Double(columns - 1))
    let v = min(max((north - point.y) / cellHeight - 0.5, 0), Double(rows - 1))
    let c0 = min(Int(u), columns - 1)
    let r0 = min(Int(v), rows - 1)
    let c1 = min(c0 + 1, columns - 1)
    let r1 = min(r0 + 1, rows - 1)
    let fu = u - Double(c0)
    let fv = v - Double(r0)
    let corners = [
      (self[c0, r0], (1 - fu) * (1 - fv)), (self[c1, r0], fu * (1 - fv)),
      (self[c0, r1], (1 - fu) * fv), (self[c1, r1], fu * fv),
    ]
    var sum = 0.0
    var weight = 0.0
    for (value, w) in corners where !value.isNaN && w > 0 {
      sum += value * w
      weight += w
    }
    if weight > 0 { return sum / weight }
    // Every weighted neighbour is empty: fall back to the containing cell.
    guard let cell = cell(containing: point) else { return nil }
    let own = self[cell.column, cell.row]
    return own.isNaN ? nil : own
  }
}

extension Raster: Equatable {
  /// Same geometry, same NODATA value and the same values, NaN equal to NaN.
  public static func == (a: Raster, b: Raster) -> Bool {
    guard a.columns == b.columns, a.rows == b.rows, a.west == b.west, a.south == b.south,
      a.cellWidth == b.cellWidth, a.cellHeight == b.cellHeight,
      a.noDataValue == b.noDataValue
    else { return false }
    for index in a.values.indices {
      let x = a.values[index]
      let y = b.values[index]
      if x != y && !(x.isNaN && y.isNaN) { return false }
    }
    return true
  }
}
