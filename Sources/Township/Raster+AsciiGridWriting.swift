import Foundation

/// Writes a grid as ESRI ASCII, so it reads back bit for bit.
///
/// Local DEMs made by `map raster` are inputs of later runs; they must read
/// back exactly and byte-identically from run to run. The header uses
/// `xllcorner`/`yllcorner`, `cellsize` for square cells (else `dx`/`dy`);
/// numbers use Swift's shortest round-trip form, integers without a
/// fraction; NaN cells are written as `NODATA_value`.
extension Raster {
  /// The grid as ESRI ASCII text.
  public func asciiGridData() -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(values.count * 8 + 256)
    func append(_ text: String) { out.append(contentsOf: text.utf8) }
    append("ncols \(columns)\nnrows \(rows)\n")
    append("xllcorner \(Self.format(west))\nyllcorner \(Self.format(south))\n")
    if cellWidth == cellHeight {
      append("cellsize \(Self.format(cellWidth))\n")
    } else {
      append("dx \(Self.format(cellWidth))\ndy \(Self.format(cellHeight))\n")
    }
    append("NODATA_value \(Self.format(noDataValue))\n")
    let noData = Array(Self.format(noDataValue).utf8)
    for row in 0..<rows {
      for column in 0..<columns {
        if column > 0 { out.append(UInt8(ascii: " ")) }
        let value = values[row * columns + column]
        if value.isNaN {
          out.append(contentsOf: noData)
        } else {
          out.append(contentsOf: Self.format(value).utf8)
        }
      }
      out.append(UInt8(ascii: "\n"))
    }
    return Data(out)
  }

  /// Writes the grid to a file (atomically).
  public func writeAsciiGrid(path: String) throws(MapError) {
    do {
      try asciiGridData().write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw MapError(file: path, .whole, "cannot write the grid: \(error.localizedDescription)")
    }
  }

  /// A number as the shortest text that reads back to the same Double.
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
