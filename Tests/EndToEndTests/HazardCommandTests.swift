import Foundation
import Testing

/// `drillsim hazard flood|fire`: a scenario's hazards written as ESRI
/// ASCII grids that parse back with sensible values.
@Suite struct HazardCommandTests {
  /// A small grid: header fields and row-major values (NODATA as nil).
  struct Grid {
    var header: [String: Double] = [:]
    var values: [Double?] = []

    init(path: String) throws {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      var numbers: [String] = []
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        if let first = words.first, first.first?.isLetter == true, words.count == 2 {
          header[first.lowercased()] = Double(words[1])
        } else {
          numbers += words
        }
      }
      let noData = header["nodata_value"]
      values = numbers.map { Double($0) }.map { $0 == noData ? nil : $0 }
    }

    subscript(column: Int, row: Int) -> Double? {
      values[row * Int(header["ncols"] ?? 0) + column]
    }
  }

  /// A bowl of 20 x 20 cells of 10 m whose lowest cell holds (105, 105)
  /// (column 10, row 9 from the north), and short grass in a west wind.
  static func write(in folder: URL) throws -> String {
    func grid(_ value: (Double, Double) -> Double) -> String {
      var text = "ncols 20\nnrows 20\nxllcorner 0\nyllcorner 0\ncellsize 10\nNODATA_value -9999\n"
      for row in 0..<20 {
        let y = (Double(20 - row) - 0.5) * 10
        text += (0..<20).map { "\(value((Double($0) + 0.5) * 10, y))" }.joined(separator: " ")
        text += "\n"
      }
      return text
    }
    try Data(
      grid { x, y in ((x - 105) * (x - 105) + (y - 105) * (y - 105)).squareRoot() / 10 }.utf8
    ).write(to: folder.appendingPathComponent("dem.asc"))
    try Data(grid { _, _ in 1 }.utf8).write(to: folder.appendingPathComponent("fuel.asc"))
    return try CommandLine.scenario(
      """
      scenario { name = "maps", terrain = "dem.asc", fuel = "fuel.asc", duration = 200 }
      sim.flood.inflow { x = 105, y = 105, m3_per_s = 0.4 }
      sim.fire.wind { speed = 3, from = 270 }
      sim.after(10, function() sim.fire.ignite { x = 105, y = 105 } end)
      """, in: folder)
  }

  @Test func floodMapsHoldTheDeepestWaterAndItsArrival() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Self.write(in: folder)
    let out = folder.appendingPathComponent("maps")
    let result = try CommandLine.run(["hazard", "flood", scenario, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let depth = try Grid(path: out.appendingPathComponent("flood-max-depth.asc").path)
    #expect(depth.header["ncols"] == 20 && depth.header["cellsize"] == 10)
    // 0.4 m3/s for 200 s into the lowest cell (100 m2), which holds it
    // below 1 m: 0.8 m there, dry elsewhere.
    let lowest = try #require(depth[10, 9])
    #expect(abs(lowest - 0.8) < 1e-6)
    #expect(depth.values.compactMap { $0 }.reduce(0, +) == lowest)
    let arrival = try Grid(path: out.appendingPathComponent("flood-arrival.asc").path)
    // Deeper than 0.1 m at the first 60 s step (0.24 m); nowhere else.
    #expect(arrival[10, 9] == 60)
    #expect(arrival.values.compactMap { $0 }.count == 1)
  }

  @Test func fireMapHoldsArrivalTimesAndNoDataBeyondTheFront() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Self.write(in: folder)
    let out = folder.appendingPathComponent("maps")
    let result = try CommandLine.run(["hazard", "fire", scenario, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let fire = try Grid(path: out.appendingPathComponent("fire-arrival.asc").path)
    #expect(fire[10, 9] == 10)
    let times = fire.values.compactMap { $0 }
    #expect(times.allSatisfy { $0 >= 10 && $0 <= 200 })
    // Arrival grows downwind of the ignition; the upwind corner is not reached.
    let near = try #require(fire[11, 9])
    let far = try #require(fire[12, 9])
    #expect(far > near && near > 10)
    #expect(fire[0, 0] == nil)
    #expect(times.count > 1 && times.count < 400)
  }

  @Test func aScenarioWithoutTheHazardIsInvalidInput() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try CommandLine.scenario("scenario { name = 'calm', duration = 10 }", in: folder)
    let result = try CommandLine.run(["hazard", "flood", scenario, "--out", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("makes no flood"), "\(result.stderr)")
  }
}
