import Foundation

/// Reads ESRI ASCII grids (`.asc`, also gzip-compressed) into a `Raster`.
///
/// Terrain, fuel and roughness grids are the inputs of the flood and fire
/// models (DESIGN.md §3), and a 4000 x 4000 DEM is 100 MB of text; the
/// reader streams the file in chunks and parses numbers on the bytes, so it
/// never holds the text and reads such a grid in about a second. Format:
/// header lines `key value` (see `AsciiGridHeader`: any case, any order),
/// then `nrows` lines of `ncols` numbers each, north row first. Blank lines
/// are skipped. Cells equal to `NODATA_value` become NaN. Every problem
/// throws a `MapError` with the file and the 1-based line: a missing or
/// invalid header key, a row with the wrong number of values, too few or too
/// many rows, a token that is not a number.
public final class AsciiGridReader {
  private let file: String
  private var header: AsciiGridHeader
  private var geometry: AsciiGridHeader.Geometry?
  /// The cells, filled row by row; grown as values arrive (`makeRoom`).
  private var cells = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
  private var rowsRead = 0
  private var line = 0
  private var lastDataLine = 0

  private static let chunkSize = 1 << 20

  private init(file: String) {
    self.file = file
    header = AsciiGridHeader(file: file)
  }

  deinit { cells.deallocate() }

  /// Reads a grid file; `.gz` files are decompressed on the fly.
  public static func read(path: String) throws(MapError) -> Raster {
    let source = try ChunkedFileReader(path: path)
    let reader = AsciiGridReader(file: path)
    return try reader.parse(source)
  }

  private func parse(_ source: ChunkedFileReader) throws(MapError) -> Raster {
    var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    var filled = 0
    var atEnd = false
    while !atEnd {
      if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
      let nextLine = line + 1
      let count = try buffer.withUnsafeMutableBytes { raw in
        Result { () throws(MapError) in
          try source.read(
            into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]), line: nextLine)
        }
      }.get()
      filled += count
      atEnd = count == 0
      let consumed = try buffer.withUnsafeBufferPointer { bytes throws(MapError) in
        try consumeLines(bytes, count: filled, final: atEnd)
      }
      if consumed > 0 {
        buffer.withUnsafeMutableBufferPointer { bytes in
          guard let base = bytes.baseAddress else { return }
          base.update(from: base + consumed, count: filled - consumed)
        }
        filled -= consumed
      }
    }
    return try finish()
  }

  /// Handles every complete line in `bytes[0..<count]`; returns the bytes used.
  private func consumeLines(
    _ bytes: UnsafeBufferPointer<UInt8>, count: Int, final: Bool
  ) throws(MapError) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var start = 0
    while start < count,
      let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start)
    {
      let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      line += 1
      try consumeLine(bytes, start, index)
      start = index + 1
    }
    if final && start < count {
      line += 1
      try consumeLine(bytes, start, count)
      start = count
    }
    return start
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
      || byte == 0x0B || byte == 0x0C
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private func consumeLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) throws(MapError) {
    var first = start
    while first < end, Self.isSpace(bytes[first]) { first += 1 }
    guard first < end else { return }  // blank line
    if geometry == nil {
      if Self.isLetter(bytes[first]) {
        try headerLine(bytes, first, end)
        return
      }
      let resolved = try header.geometry(line: line)
      geometry = resolved
      let cells = resolved.columns.multipliedReportingOverflow(by: resolved.rows)
      guard !cells.overflow, cells.partialValue <= 1 << 31 else {
        throw MapError(
          file: file, .line(line),
          "grid of \(resolved.columns) x \(resolved.rows) cells is too large")
      }
    }
    try dataLine(bytes, first, end)
  }

  private func headerLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) throws(MapError) {
    var tokens: [String] = []
    var index = start
    while index < end {
      while index < end, Self.isSpace(bytes[index]) { index += 1 }
      let tokenStart = index
      while index < end, !Self.isSpace(bytes[index]) { index += 1 }
      if index > tokenStart {
        tokens.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[tokenStart..<index]), as: UTF8.self))
      }
    }
    guard tokens.count == 2 else {
      throw MapError(
        file: file, .line(line),
        "a header line needs a key and one value, got \"\(tokens.joined(separator: " "))\"")
    }
    try header.accept(key: tokens[0], value: tokens[1], line: line)
  }

  private func dataLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) throws(MapError) {
    guard let geometry else { return }
    guard rowsRead < geometry.rows else {
      throw MapError(
        file: file, .line(line),
        "expected \(geometry.rows) rows (nrows), found more data on this line")
    }
    let noData = geometry.noDataValue ?? .nan  // NaN equals nothing
    let columns = geometry.columns
    let rowStart = rowsRead * columns
    var index = start
    var count = 0
    while index < end {
      while index < end, Self.isSpace(bytes[index]) { index += 1 }
      let tokenStart = index
      while index < end, !Self.isSpace(bytes[index]) { index += 1 }
      guard index > tokenStart else { break }
      count += 1
      guard count <= columns else { continue }  // counted for the message below
      guard var value = DecimalParser.parse(bytes, tokenStart, index) else {
        let token = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[tokenStart..<index]), as: UTF8.self)
        throw MapError(
          file: file, .line(line),
          "value \(count) of row \(rowsRead + 1) is not a number: \"\(token)\"")
      }
      if value == noData { value = .nan }
      let slot = rowStart + count - 1
      if slot >= cells.count { makeRoom(for: slot, total: columns * geometry.rows) }
      cells[slot] = value
    }
    guard count == geometry.columns else {
      throw MapError(
        file: file, .line(line),
        "expected \(geometry.columns) values (ncols) in row \(rowsRead + 1), got \(count)")
    }
    rowsRead += 1
    lastDataLine = line
  }

  /// Grows `cells` to hold index `slot`, doubling up to `total`.
  ///
  /// Memory follows the values the file holds, not the size its header
  /// claims: a few bytes declaring `ncols 40000` and `nrows 40000` must not
  /// allocate 12 GB before the reader finds the rows missing.
  private func makeRoom(for slot: Int, total: Int) {
    let capacity = min(total, max(slot + 1, cells.count * 2, 1 << 16))
    let grown = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
    if let old = cells.baseAddress, let new = grown.baseAddress {
      new.initialize(from: old, count: slot)
    }
    cells.deallocate()
    cells = grown
  }

  private func finish() throws(MapError) -> Raster {
    guard let geometry else {
      _ = try header.geometry(line: line + 1)
      throw MapError(file: file, .line(line + 1), "the grid has a header but no data rows")
    }
    guard rowsRead == geometry.rows else {
      throw MapError(
        file: file, .line(lastDataLine),
        "expected \(geometry.rows) rows (nrows), got \(rowsRead) (the file ends after this line)")
    }
    return Raster(
      columns: geometry.columns, rows: geometry.rows, west: geometry.west, south: geometry.south,
      cellWidth: geometry.cellWidth, cellHeight: geometry.cellHeight, values: Array(cells),
      noDataValue: geometry.noDataValue ?? Raster.defaultNoDataValue)
  }
}

extension Raster {
  /// Reads an ESRI ASCII grid (see `AsciiGridReader`).
  public static func readAsciiGrid(path: String) throws(MapError) -> Raster {
    try AsciiGridReader.read(path: path)
  }
}
