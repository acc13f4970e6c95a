import Foundation

/// Writes an elevation grid as an ESRI ASCII grid (`.asc`).
///
/// Header keys `ncols`, `nrows`, `xllcorner`, `yllcorner`, `cellsize`,
/// `NODATA_value`, then one line per row, north row first, values in metres
/// with one decimal (10 cm, finer than any synthetic feature). Numbers are
/// formatted by hand, not with `String(format:)`: a county DEM has millions
/// of cells. Same grid, same bytes.
extension ElevationGrid {
  /// The header lines, each ending in a newline.
  public var esriASCIIHeader: String {
    "ncols \(columns)\nnrows \(rows)\nxllcorner \(Self.decimal(xLowerLeft))\n"
      + "yllcorner \(Self.decimal(yLowerLeft))\ncellsize \(Self.decimal(cellSize))\n"
      + "NODATA_value \(Self.decimal(Double(noData)))\n"
  }

  /// The whole grid as text (for small grids; large ones use `writeESRIASCII`).
  public func esriASCIIText() -> String {
    var bytes = Array(esriASCIIHeader.utf8)
    for row in 0..<rows { appendRow(row, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the grid to a file, a row at a time, into a temporary file
  /// beside it that is renamed into place at the end: a killed write
  /// leaves the old file (or none), never a grid cut off part way.
  public func writeESRIASCII(to path: String) throws(MapError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: Data(esriASCIIHeader.utf8)),
      let handle = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw MapError(file: path, .whole, "cannot write the file")
    }
    var bytes: [UInt8] = []
    do {
      defer { try? handle.close() }
      try handle.seekToEnd()
      for row in 0..<rows {
        appendRow(row, to: &bytes)
        if bytes.count > 1 << 20 || row == rows - 1 {
          try handle.write(contentsOf: bytes)
          bytes.removeAll(keepingCapacity: true)
        }
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw MapError(file: path, .whole, "cannot write the file: \(error.localizedDescription)")
    }
    guard rename(temporary.path, path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw MapError(file: path, .whole, "cannot write the file (rename failed)")
    }
  }

  private func appendRow(_ row: Int, to bytes: inout [UInt8]) {
    for column in 0..<columns {
      if column > 0 { bytes.append(UInt8(ascii: " ")) }
      Self.appendTenths(Double(self[column, row]), to: &bytes)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  /// Appends a value rounded to one decimal: `212.4`, `-3`, `0.5`.
  static func appendTenths(_ value: Double, to bytes: inout [UInt8]) {
    var tenths = Int((value * 10).rounded())
    if tenths < 0 {
      bytes.append(UInt8(ascii: "-"))
      tenths = -tenths
    }
    let whole = tenths / 10
    let fraction = tenths % 10
    var divisor = 1
    while divisor <= whole / 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(whole / divisor % 10))
      divisor /= 10
    }
    if fraction != 0 {
      bytes.append(UInt8(ascii: "."))
      bytes.append(UInt8(ascii: "0") + UInt8(fraction))
    }
  }

  /// A header number: an integer when whole, else Swift's shortest exact form.
  private static func decimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }
}
