/// A raster of integers over the map: flood depth in cm, fire arrival in s.
///
/// Integers because frames store what a viewer can show: a centimetre of
/// water or a second of arrival is finer than any map needs, and whole
/// numbers let a recorder write only the cells that changed since the
/// last frame and compare them exactly.
public struct RasterLayer: Sendable, Equatable {
  /// Cell layout: row 0 is north, column 0 west, values row-major.
  public struct Geometry: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    /// Square cells' side (m).
    public var cellSize: Double
    /// The western and southern edges in map metres.
    public var west: Double
    public var south: Double

    public init(columns: Int, rows: Int, cellSize: Double, west: Double, south: Double) {
      self.columns = columns
      self.rows = rows
      self.cellSize = cellSize
      self.west = west
      self.south = south
    }

    public var count: Int { columns * rows }
  }

  public var geometry: Geometry
  /// The value of a cell where nothing is (0 cm of water, -1 for unburned).
  public var background: Int32
  /// One value per cell, row-major from the north-west cell.
  public var values: [Int32]

  public init(geometry: Geometry, background: Int32, values: [Int32]) {
    precondition(values.count == geometry.count, "one value per cell")
    self.geometry = geometry
    self.background = background
    self.values = values
  }

  /// A layer of background cells only.
  public init(geometry: Geometry, background: Int32) {
    self.init(
      geometry: geometry, background: background,
      values: [Int32](repeating: background, count: geometry.count))
  }

  /// Cells not at the background value.
  public var markedCells: Int { values.reduce(0) { $0 + ($1 == background ? 0 : 1) } }

  /// The largest value (the background when every cell is at it).
  public var maximum: Int32 { values.max() ?? background }
}
