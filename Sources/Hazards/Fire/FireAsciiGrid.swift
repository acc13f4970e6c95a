import Foundation

/// A minimal ESRI ASCII grid reader for fire landscapes.
///
/// Kept internal and small on purpose: Township is getting a shared
/// `AsciiGridReader`, and this one should be swapped for it then. It reads
/// the six-line header (xllcorner or xllcenter) and row-major values, top
/// row first; NODATA cells become nil.
struct FireAsciiGrid {
  let columns: Int
  let rows: Int
  let cellSize: Double
  let xllCorner: Double
  let yllCorner: Double
  /// Row-major values, row 0 the northernmost; nil where NODATA.
  let values: [Double?]

  init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw HazardsError(path, "cannot read the grid file") }
    var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline })[...]
    var header: [String: Double] = [:]
    while let key = tokens.first, key.first?.isLetter == true {
      tokens.removeFirst()
      guard let value = tokens.popFirst().flatMap({ Double($0) }) else {
        throw HazardsError(path, "header field \(key) has no number")
      }
      header[key.lowercased()] = value
    }
    guard let ncols = header["ncols"], let nrows = header["nrows"], let size = header["cellsize"],
      ncols >= 1, nrows >= 1, size > 0
    else { throw HazardsError(path, "header needs ncols, nrows and a positive cellsize") }
    columns = Int(ncols)
    rows = Int(nrows)
    cellSize = size
    xllCorner = header["xllcorner"] ?? ((header["xllcenter"] ?? 0) - size / 2)
    yllCorner = header["yllcorner"] ?? ((header["yllcenter"] ?? 0) - size / 2)
    let noData = header["nodata_value"]
    guard tokens.count == columns * rows else {
      throw HazardsError(path, "expected \(columns * rows) values, found \(tokens.count)")
    }
    var parsed: [Double?] = []
    parsed.reserveCapacity(tokens.count)
    for (k, token) in tokens.enumerated() {
      guard let value = Double(token) else {
        throw HazardsError(path, "value \(k + 1) is not a number: \(token)")
      }
      parsed.append(value == noData ? nil : value)
    }
    values = parsed
  }
}
