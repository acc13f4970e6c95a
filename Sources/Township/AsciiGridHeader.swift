/// The header of an ESRI ASCII grid, gathered key by key.
///
/// Grids come from many writers (GDAL, ArcGIS, LISFLOOD-FP, hand-made test
/// files) that differ in key case, order, spacing and in whether they give
/// the lower-left corner or the lower-left cell centre; this type accepts
/// all of those and resolves them to the corner convention `Raster` uses.
/// Keys: `ncols`, `nrows`, `xllcorner` or `xllcenter`, `yllcorner` or
/// `yllcenter`, `cellsize` or both `dx` and `dy`, optional `nodata_value`.
struct AsciiGridHeader {
  let file: String
  private var integers: [String: Int] = [:]
  private var numbers: [String: Double] = [:]
  private var firstLine: [String: Int] = [:]

  static let integerKeys: Set<String> = ["ncols", "nrows"]
  static let numberKeys: Set<String> = [
    "xllcorner", "xllcenter", "yllcorner", "yllcenter", "cellsize", "dx", "dy", "nodata_value",
  ]

  init(file: String) {
    self.file = file
  }

  /// The resolved grid geometry.
  struct Geometry {
    var columns: Int
    var rows: Int
    var west: Double
    var south: Double
    var cellWidth: Double
    var cellHeight: Double
    var noDataValue: Double?
  }

  /// Takes one `key value` header line.
  mutating func accept(key rawKey: String, value: String, line: Int) throws(MapError) {
    let key = rawKey.lowercased()
    if let earlier = firstLine[key] {
      throw MapError(
        file: file, .line(line), "header key \(rawKey) appears twice (first on line \(earlier))")
    }
    if Self.integerKeys.contains(key) {
      guard let number = Int(value), number > 0 else {
        throw MapError(
          file: file, .line(line), "header key \(rawKey) needs a positive integer, got \"\(value)\""
        )
      }
      integers[key] = number
    } else if Self.numberKeys.contains(key) {
      guard let number = Double(value), number.isFinite else {
        throw MapError(
          file: file, .line(line), "header key \(rawKey) needs a number, got \"\(value)\"")
      }
      if ["cellsize", "dx", "dy"].contains(key), number <= 0 {
        throw MapError(
          file: file, .line(line), "header key \(rawKey) needs a positive number, got \"\(value)\"")
      }
      numbers[key] = number
    } else {
      throw MapError(file: file, .line(line), "unknown header key \"\(rawKey)\"")
    }
    firstLine[key] = line
  }

  /// Checks that the header is complete; `line` is where the data starts.
  func geometry(line: Int) throws(MapError) -> Geometry {
    func missing(_ what: String) -> MapError {
      MapError(file: file, .line(line), "missing header key \(what) before the first data row")
    }
    guard let columns = integers["ncols"] else { throw missing("ncols") }
    guard let rows = integers["nrows"] else { throw missing("nrows") }
    let cellWidth: Double
    let cellHeight: Double
    if let size = numbers["cellsize"] {
      guard numbers["dx"] == nil, numbers["dy"] == nil else {
        throw MapError(file: file, .line(line), "header gives both cellsize and dx/dy")
      }
      cellWidth = size
      cellHeight = size
    } else if let dx = numbers["dx"], let dy = numbers["dy"] {
      cellWidth = dx
      cellHeight = dy
    } else {
      throw missing("cellsize (or dx and dy)")
    }
    let west = try edge("xllcorner", "xllcenter", halfCell: cellWidth / 2, line: line)
    let south = try edge("yllcorner", "yllcenter", halfCell: cellHeight / 2, line: line)
    return Geometry(
      columns: columns, rows: rows, west: west, south: south, cellWidth: cellWidth,
      cellHeight: cellHeight, noDataValue: numbers["nodata_value"])
  }

  private func edge(
    _ corner: String, _ centre: String, halfCell: Double, line: Int
  ) throws(MapError) -> Double {
    switch (numbers[corner], numbers[centre]) {
    case (let value?, nil): return value
    case (nil, let value?): return value - halfCell
    case (.some, .some):
      throw MapError(file: file, .line(line), "header gives both \(corner) and \(centre)")
    case (nil, nil):
      throw MapError(
        file: file, .line(line),
        "missing header key \(corner) (or \(centre)) before the first data row")
    }
  }
}
