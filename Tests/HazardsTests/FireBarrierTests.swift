import Hazards
import Testing

/// Non-burnable lines: a one-cell road holds (hazards.md §6, S3).
///
/// With wind blowing straight across the road it still holds: the model has
/// no spotting, and every move is refused if its ray crosses (or touches at
/// a corner) a non-burnable cell, so only a gap lets fire through. Real
/// wind-driven fires can breach such a road by spotting; that is not modelled.
@Suite struct FireBarrierTests {
  private let d2l2 = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.60, liveWoody: 0.90)

  private func burnedBeyond(
    road: [(Int, Int)], wind: FireSpread.Wind, ignition: (Int, Int) = (20, 10),
    beyond: (Int, Int) -> Bool
  ) throws -> Int {
    var land = try FireLandscape(
      rows: 41, columns: 41, cellSize: 2, fuel: try #require(FuelModel.standard(code: "FM1")))
    for (row, column) in road { land.clearFuel(row: row, column: column) }
    var spread = FireSpread(landscape: land, moisture: d2l2, wind: wind)
    try spread.ignite(row: ignition.0, column: ignition.1)
    spread.run()
    #expect(spread.ignitions.count > 100)
    for (row, column) in road { #expect(spread.arrivalTime(row: row, column: column) == nil) }
    return spread.ignitions.filter { beyond($0.row, $0.column) }.count
  }

  @Test func straightRoadHoldsWithoutWind() throws {
    let road = (0..<41).map { ($0, 20) }
    #expect(try burnedBeyond(road: road, wind: .midflame(speed: 0, toward: 0)) { $1 > 20 } == 0)
  }

  @Test func straightRoadHoldsAgainstWindAcrossIt() throws {
    let road = (0..<41).map { ($0, 20) }
    let wind = FireSpread.Wind.midflame(speed: FireUnits.metresPerMinute(mph: 10), toward: 90)
    #expect(try burnedBeyond(road: road, wind: wind) { $1 > 20 } == 0)
  }

  @Test func diagonalRoadHolds() throws {
    // An 8-connected staircase: cells touch only at corners.
    let road = (0..<41).map { ($0, 40 - $0) }
    let wind = FireSpread.Wind.midflame(speed: FireUnits.metresPerMinute(mph: 10), toward: 45)
    let beyond = try burnedBeyond(road: road, wind: wind, ignition: (30, 5)) { $0 + $1 > 40 }
    #expect(beyond == 0)
  }

  @Test func aGapLetsTheFireThrough() throws {
    let road = (0..<41).filter { $0 != 35 }.map { ($0, 20) }
    #expect(try burnedBeyond(road: road, wind: .midflame(speed: 0, toward: 0)) { $1 > 20 } > 0)
  }
}
