import Foundation
import Testing
import Township

/// ESRI ASCII grids: header variants, cell-centre convention, bad input.
@Suite struct AsciiGridTests {
  static func write(_ name: String, _ text: String) throws -> String {
    try BadInputTests.temporaryFile(name, text)
  }

  static func expectError(
    _ text: String, line: Int, containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let path = try write("bad-\(line)-\(abs(message.hashValue)).asc", text)
    #expect(sourceLocation: sourceLocation) {
      try Raster.readAsciiGrid(path: path)
    } throws: { error in
      guard let error = error as? MapError else { return false }
      return error.file == path && error.position == .line(line) && error.message.contains(message)
    }
  }

  @Test func readsASmallGridNorthRowFirst() throws {
    let path = try Self.write(
      "small.asc",
      """
      ncols 3
      nrows 2
      xllcorner 100
      yllcorner 200
      cellsize 10
      NODATA_value -9999
      1 2 3
      4 -9999 6.5
      """)
    let grid = try Raster.readAsciiGrid(path: path)
    #expect(grid.columns == 3 && grid.rows == 2)
    #expect(grid[0, 0] == 1 && grid[2, 0] == 3 && grid[0, 1] == 4 && grid[2, 1] == 6.5)
    #expect(grid[1, 1].isNaN && grid.noDataCount == 1)
    #expect(grid.noDataValue == -9999)
    // Row 0 is the north row; its first cell centre is half a cell in from the corner.
    #expect(grid.centre(column: 0, row: 0) == MapPoint(x: 105, y: 215))
    #expect(grid.centre(column: 2, row: 1) == MapPoint(x: 125, y: 205))
    #expect(grid.east == 130 && grid.north == 220)
    #expect(grid.valueRange == 1...6.5)
  }

  @Test func headerKeysInAnyCaseAndOrderWithCentres() throws {
    let path = try Self.write(
      "centres.asc",
      """
      CELLSIZE   2.5
      YLLCENTER  1.25
      nRows 2
      XllCenter  -3.75
      NCOLS 2

      7 8
      9 1e1
      """)
    let grid = try Raster.readAsciiGrid(path: path)
    #expect(grid.west == -5 && grid.south == 0)
    #expect(grid.centre(column: 0, row: 1) == MapPoint(x: -3.75, y: 1.25))
    #expect(grid[1, 1] == 10)
    #expect(grid.noDataCount == 0 && grid.noDataValue == Raster.defaultNoDataValue)
  }

  @Test func separateDxDyAndCRLF() throws {
    let path = try Self.write(
      "dxdy.asc", "ncols 2\r\nnrows 1\r\nxllcorner 0\r\nyllcorner 0\r\ndx 2\r\ndy 3\r\n5 6\r\n")
    let grid = try Raster.readAsciiGrid(path: path)
    #expect(grid.cellWidth == 2 && grid.cellHeight == 3)
    #expect(grid.centre(column: 1, row: 0) == MapPoint(x: 3, y: 1.5))
    #expect(grid.values == [5, 6])
  }

  @Test func bilinearBetweenCentresAndHeldAtTheEdge() throws {
    // 2 x 2 grid of 10 m cells; centres at (5,15)=0, (15,15)=10, (5,5)=20, (15,5)=30.
    let grid = Raster(
      columns: 2, rows: 2, west: 0, south: 0, cellWidth: 10, cellHeight: 10,
      values: [0, 10, 20, 30])
    #expect(grid.sample(at: MapPoint(x: 5, y: 15)) == 0)
    #expect(grid.sample(at: MapPoint(x: 10, y: 10)) == 15)
    #expect(grid.sample(at: MapPoint(x: 12.5, y: 15)) == 7.5)
    #expect(grid.sample(at: MapPoint(x: 0, y: 20)) == 0)  // corner: the edge value is held
    #expect(grid.sample(at: MapPoint(x: 20.01, y: 10)) == nil)
    var holed = grid
    holed[1, 0] = .nan
    // The empty neighbour drops out; the rest are renormalised: (0 + 20 + 30) / 3.
    #expect(abs((holed.sample(at: MapPoint(x: 10, y: 10)) ?? 0) - 50.0 / 3) < 1e-12)
    #expect(holed.sample(at: MapPoint(x: 15, y: 15)) == nil)
  }

  @Test func writesAndReadsBackBitForBit() throws {
    var values: [Double] = []
    var state: UInt64 = 42
    for _ in 0..<(7 * 5) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(Double(state >> 11) / Double(1 << 53) * 600 - 100)
    }
    values[3] = .nan
    values[4] = 17
    values[5] = 1e-7
    let grid = Raster(
      columns: 7, rows: 5, west: -1234.5, south: 0.1, cellWidth: 30, cellHeight: 30,
      values: values, noDataValue: -32768)
    let path = try Self.write("roundtrip.asc", "")
    try grid.writeAsciiGrid(path: path)
    let back = try Raster.readAsciiGrid(path: path)
    #expect(back == grid)
    for index in values.indices where !values[index].isNaN {
      #expect(back.values[index].bitPattern == values[index].bitPattern)
    }
    #expect(grid.asciiGridData() == back.asciiGridData())
  }

  static let header = "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n"

  @Test func missingHeaderKey() throws {
    try Self.expectError(
      "ncols 3\nnrows 2\nxllcorner 0\ncellsize 1\n1 2 3\n4 5 6\n", line: 5,
      containing: "missing header key yllcorner")
  }

  @Test func invalidHeaderValue() throws {
    try Self.expectError(
      "ncols 3\nnrows two\n", line: 2, containing: "nrows needs a positive integer, got \"two\"")
    try Self.expectError(
      "ncols 3\nnrows 2\ncellsize -1\n", line: 3, containing: "cellsize needs a positive number")
    try Self.expectError("ncols 3\nnrow 2\n", line: 2, containing: "unknown header key \"nrow\"")
    try Self.expectError("ncols 3\nNCOLS 3\n", line: 2, containing: "appears twice")
  }

  @Test func wrongValueCountNamesTheLine() throws {
    try Self.expectError(
      Self.header + "1 2 3\n4 5\n", line: 7, containing: "expected 3 values (ncols) in row 2, got 2"
    )
    try Self.expectError(
      Self.header + "1 2 3 4\n4 5 6\n", line: 6,
      containing: "expected 3 values (ncols) in row 1, got 4")
  }

  @Test func wrongRowCountNamesTheLine() throws {
    try Self.expectError(
      Self.header + "1 2 3\n", line: 6, containing: "expected 2 rows (nrows), got 1")
    try Self.expectError(
      Self.header + "1 2 3\n4 5 6\n7 8 9\n", line: 8, containing: "expected 2 rows (nrows)")
  }

  @Test func nonNumberNamesTheLine() throws {
    try Self.expectError(
      Self.header + "1 2 3\n4 x5 6\n", line: 7,
      containing: "value 2 of row 2 is not a number: \"x5\"")
    try Self.expectError(Self.header + "1 2. 3\n4 5 6-\n", line: 7, containing: "\"6-\"")
  }

  @Test func headerOnlyIsAnError() throws {
    try Self.expectError(Self.header, line: 6, containing: "no data rows")
  }
}
