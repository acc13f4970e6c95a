import Foundation
import Testing
import Township

/// The real grids in ../shared/data (SOURCES.md §1, §3, §4), read in place.
///
/// They are test-only data under licences that forbid copying them into
/// the repository, so the tests are skipped when the folder is absent.
@Suite struct SharedGridTests {
  static let data = ImportTests.dataFolder
  static func exists(_ file: String) -> Bool {
    FileManager.default.fileExists(atPath: data + "/" + file)
  }

  static let srtm = "north-bayreuth/north-bayreuth_srtm3.asc"

  @Test(.enabled(if: exists(srtm), "../shared/data/\(srtm) is absent"))
  func northBayreuthSRTM() throws {
    let grid = try Raster.readAsciiGrid(path: Self.data + "/" + Self.srtm)
    #expect(grid.columns == 349 && grid.rows == 265)
    #expect(grid.valueRange == 285...606)
    #expect(grid.noDataCount == 0 && grid.noDataValue == -32_768)
    #expect(abs(grid.cellWidth - 1.0 / 1200) < 1e-11 && grid.cellWidth == grid.cellHeight)
    #expect(abs(grid.west - 11.389_583_333_3) < 1e-9 && abs(grid.south - 49.879_583_333_3) < 1e-9)
    // SRTM samples sit on whole 3" positions: the cell centres of the crop.
    let centre = grid.centre(column: 0, row: grid.rows - 1)
    #expect(abs(centre.x * 1200 - (centre.x * 1200).rounded()) < 1e-6)
    #expect(abs(centre.y * 1200 - (centre.y * 1200).rounded()) < 1e-6)
    #expect(grid[0, 0] == 293 && grid[1, 0] == 294)  // the file's first values
  }

  @Test(.enabled(if: exists("dogrib/Forest.asc"), "../shared/data/dogrib/Forest.asc is absent"))
  func dogribFuelGrid() throws {
    let grid = try Raster.readAsciiGrid(path: Self.data + "/dogrib/Forest.asc")
    #expect(grid.columns == 357 && grid.rows == 223 && grid.cellWidth == 100)
    #expect(grid.west == 457_900 && grid.south == 5_716_800)
    #expect(grid.noDataCount == 324)  // SOURCES.md §4
    var counts: [Double: Int] = [:]
    for value in grid.values where !value.isNaN { counts[value, default: 0] += 1 }
    #expect(counts[2] == 27_424 && counts[3] == 20_763 && counts[31] == 14_684)
    #expect(counts[101] == 8_883 && counts[102] == 445 && counts[7] == 164)
  }

  @Test(.enabled(if: exists("buscot/buscot.dem.ascii"), "../shared/data/buscot is absent"))
  func buscotFloodplain() throws {
    let grid = try Raster.readAsciiGrid(path: Self.data + "/buscot/buscot.dem.ascii")
    #expect(grid.columns == 76 && grid.rows == 48 && grid.cellWidth == 50)
    #expect(grid.west == 422_950 && grid.south == 197_600 && grid.noDataCount == 0)
    let range = try #require(grid.valueRange)
    #expect(abs(range.lowerBound - 67.73) < 0.01 && abs(range.upperBound - 83.79) < 0.01)
    let mean = grid.values.reduce(0, +) / Double(grid.values.count)
    #expect(abs(mean - 72.22) < 0.01)
    #expect(grid[0, 0] == 75 && grid[1, 0] == 74.595_665)
  }

  /// A 4000 x 4000 grid read in about a second (release; set DRILLSIM_GRID_BENCH=1).
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["DRILLSIM_GRID_BENCH"] == "1",
      "set DRILLSIM_GRID_BENCH=1 (and build in release) to time a 4000 x 4000 grid"))
  func largeGridReadsInAboutASecond() throws {
    let size = 4000
    var text =
      "ncols \(size)\nnrows \(size)\nxllcorner 0\nyllcorner 0\ncellsize 5\nNODATA_value -9999\n"
    text.reserveCapacity(size * size * 8)
    var expectedSum = 0.0
    for row in 0..<size {
      var line: [String] = []
      line.reserveCapacity(size)
      for column in 0..<size {
        // Centimetre heights, as DEMs are written: "250.07", "1249.9".
        let cents = (row * 7 + column * 13) % 100_000 + 25_000
        let text = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        expectedSum += Double(text) ?? .nan
        line.append(text)
      }
      text += line.joined(separator: " ") + "\n"
    }
    let path = try BadInputTests.temporaryFile("large.asc", text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let clock = ContinuousClock()
    var grid: Raster?
    let elapsed = try clock.measure { grid = try Raster.readAsciiGrid(path: path) }
    let read = try #require(grid)
    print("read a \(size) x \(size) grid (\(text.utf8.count) bytes) in \(elapsed)")
    #expect(read.values.count == size * size)
    #expect(read.values.reduce(0, +) == expectedSum)  // same values, same order
    #expect(elapsed < .seconds(3))
    if Self.exists("dogrib/elevation.asc") {
      let small = try clock.measure {
        _ = try Raster.readAsciiGrid(path: Self.data + "/dogrib/elevation.asc")
      }
      print("read the 357 x 223 dogrib elevation grid in \(small)")
      #expect(small < .milliseconds(50))
    }
  }
}
