import Foundation
import Hazards
import Testing

private let dogribDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("shared/data/dogrib")
private let dogribPresent = FileManager.default.fileExists(
  atPath: dogribDirectory.appendingPathComponent("Forest.asc").path)

/// The Dogrib landscape (Cell2Fire instance, Alberta) end to end: fuel,
/// slope and aspect rasters, the recorded ignition cell and the first hour
/// of its weather.
///
/// APPROXIMATION, for this test only: Dogrib's fuels are Canadian FBP types,
/// which have no Rothermel parameters. They are mapped to the nearest US
/// surface fuel model by description: C-1 spruce-lichen woodland → TU1;
/// C-2 boreal spruce → FM10 (timber litter and understory); C-3 mature
/// pine → FM8 (closed short-needle litter); C-4 immature pine → TU5;
/// C-5/C-6/C-7 pine and Douglas-fir → FM9 (long-needle litter);
/// D-1/D-2 aspen → FM9 leafless, FM8 green; S-1/S-2/S-3 slash → FM11/12/13;
/// O-1a/O-1b grass → GR2 (dynamic; D2L2 leaves it 67 % cured, close to the
/// 70 % of cur.asc); M-1 and M-1/M-2 mixedwood → FM9, M-2 → FM8,
/// M-3/M-4 → FM10; non-fuel and water → NB. Only surface fire is modelled,
/// so the real Dogrib fire (crowning, 40+ km/h wind) burned far more.
@Suite struct FireDogribTests {
  static func fuelModelNumber(fbpType: String) -> Int? {
    let type = fbpType.trimmingCharacters(in: .whitespaces)
    let exact: [String: Int] = [
      "C-1": 161, "C-2": 10, "C-3": 8, "C-4": 165, "C-5": 9, "C-6": 9, "C-7": 9, "D-1": 9,
      "D-2": 8, "D-1/D-2": 9, "S-1": 11, "S-2": 12, "S-3": 13, "O-1a": 102, "O-1b": 102,
      "Non-fuel": 91,
    ]
    if let number = exact[type] { return number }
    if type.hasPrefix("M-1/M-2") || type.hasPrefix("M-1") { return 9 }
    if type.hasPrefix("M-2") { return 8 }
    if type.hasPrefix("M-3") || type.hasPrefix("M-4") { return 10 }
    return nil
  }

  @Test(.enabled(if: dogribPresent, "../shared/data/dogrib is absent: skipped"))
  func dogribBurnsEndToEnd() throws {
    let lookup = try String(
      contentsOf: dogribDirectory.appendingPathComponent("fbp_lookup_table.csv"), encoding: .utf8)
    var codeMap: [Int: Int] = [:]
    for line in lookup.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      let code = try #require(Int(fields[0]))
      let number = Self.fuelModelNumber(fbpType: fields[3])
      #expect(number != nil, "unmapped FBP type \(fields[3])")
      codeMap[code] = number ?? 91
    }
    let path = { (name: String) in dogribDirectory.appendingPathComponent(name).path }
    let land = try FireLandscape(
      fuelGridPath: path("Forest.asc"), fuelCodeMap: codeMap,
      slopePercentGridPath: path("slope.asc"), aspectGridPath: path("saz.asc"))
    #expect(land.rows == 223 && land.columns == 357 && land.cellSize == 100)

    // IgnitionPoints.csv: a 1-based row-major cell number.
    let ignitionText = try String(
      contentsOf: dogribDirectory.appendingPathComponent("IgnitionPoints.csv"), encoding: .utf8)
    let ignitionLine = try #require(
      ignitionText.split(whereSeparator: \.isNewline).dropFirst().first)
    let ignitionCell = try #require(Int(ignitionLine.split(separator: ",")[1])) - 1
    let (row, column) = (ignitionCell / land.columns, ignitionCell % land.columns)
    #expect(land.fuel(row: row, column: column).isBurnable)

    // Weather.csv, 13:00: 21 km/h 10-m wind from 235°; 20-ft wind = 10-m / 1.15.
    let twentyFoot = 21.0 * 1000 / 60 / 1.15
    let moisture = try #require(FuelMoisture.scenario("D2L2"))
    var spread = FireSpread(
      landscape: land, moisture: moisture, wind: .twentyFoot(speed: twentyFoot, toward: 55))
    try spread.ignite(row: row, column: column)
    let hours = 4.0
    spread.run(until: hours * 3600)

    // Upper bound: no cell can be reached faster than the fastest head rate.
    var fastest = 0.0
    for model in land.models where model.isBurnable {
      let fire = SurfaceFire(
        model: model, moisture: moisture,
        midflameWind: twentyFoot * model.unshelteredWindAdjustment,
        slope: 1.89, windLimit: true)
      fastest = max(fastest, fire.headSpreadRate / 60)
    }
    let reach = fastest * hours * 3600 + land.cellSize
    let area = spread.burnedArea(at: hours * 3600)
    let hectares = (1...4).map { spread.burnedArea(at: Double($0) * 3600) / 10_000 }
    print("dogrib: burned ha at 1-4 h \(hectares); bound \(Double.pi * reach * reach / 10_000) ha")
    #expect(area >= 10 * land.cellSize * land.cellSize)  // more than a handful of cells
    #expect(area <= Double.pi * reach * reach)
    #expect(hectares == hectares.sorted())
    for ignition in spread.ignitions {
      #expect(land.fuel(row: ignition.row, column: ignition.column).isBurnable)
      let dr = Double(ignition.row - row) * land.cellSize
      let dc = Double(ignition.column - column) * land.cellSize
      #expect((dr * dr + dc * dc).squareRoot() <= reach)
    }
    // The fire runs downwind: the burned centroid lies toward 55° (north-east).
    let count = Double(spread.ignitions.count)
    let east = spread.ignitions.reduce(0.0) { $0 + Double($1.column - column) } / count
    let north = spread.ignitions.reduce(0.0) { $0 + Double(row - $1.row) } / count
    #expect(east * 0.819 + north * 0.574 > 0)
  }
}
