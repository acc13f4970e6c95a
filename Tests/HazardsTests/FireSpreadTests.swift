import Hazards
import Testing

/// Grid spread against the analytic ellipse (hazards.md §6, S1, S2, S4).
@Suite struct FireSpreadTests {
  private let d2l2 = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.60, liveWoody: 0.90)

  private func fm1() throws -> FuelModel { try #require(FuelModel.standard(code: "FM1")) }

  @Test func stencilHasEightyDirections() throws {
    let land = try FireLandscape(rows: 3, columns: 3, cellSize: 1, fuel: try fm1())
    let spread = FireSpread(landscape: land, moisture: d2l2, wind: .midflame(speed: 0, toward: 0))
    #expect(spread.directionCount == 80)
  }

  /// No wind, no slope: burned area within 2 % of π (R t)² at three times,
  /// and every arrival within +1 % of r/R (never early).
  @Test func noWindGivesACircle() throws {
    let size = 161
    let centre = 80
    let land = try FireLandscape(rows: size, columns: size, cellSize: 1, fuel: try fm1())
    let r0 = SurfaceFire(model: try fm1(), moisture: d2l2).headSpreadRate / 60  // m/s
    var spread = FireSpread(landscape: land, moisture: d2l2, wind: .midflame(speed: 0, toward: 0))
    try spread.ignite(row: centre, column: centre)
    spread.run()
    for radius in [30.0, 50.0, 70.0] {
      let t = radius / r0
      let expected = Double.pi * radius * radius
      let error = spread.burnedArea(at: t) / expected - 1
      #expect(abs(error) < 0.02, "radius \(radius): area error \(error)")
      print("circle: R t = \(radius) cells, area error \(error)")
    }
    var worst = 0.0
    for row in 0..<size {
      for column in 0..<size {
        let dr = Double(row - centre)
        let dc = Double(column - centre)
        let r = (dr * dr + dc * dc).squareRoot()
        let time = try #require(spread.arrivalTime(row: row, column: column))
        #expect(time >= r / r0 - 1e-9)
        if r >= 20 && r <= 75 { worst = max(worst, time / (r / r0) - 1) }
      }
    }
    #expect(worst <= 0.01, "max arrival error \(worst)")
    print("circle: max arrival error at 20-75 cells \(worst)")
  }

  /// Wind: the burned shape's length-to-breadth ratio within 5 % of the
  /// Rothermel/Anderson L/W, and the head distance R t within a cell.
  @Test func windGivesTheAndersonEllipse() throws {
    let rows = 111
    let columns = 181
    let (ignitionRow, ignitionColumn) = (55, 25)
    let land = try FireLandscape(rows: rows, columns: columns, cellSize: 1, fuel: try fm1())
    let wind = FireUnits.metresPerMinute(mph: 5)
    let fire = SurfaceFire(model: try fm1(), moisture: d2l2, midflameWind: wind, windToward: 90)
    var spread = FireSpread(
      landscape: land, moisture: d2l2, wind: .midflame(speed: wind, toward: 90))
    try spread.ignite(row: ignitionRow, column: ignitionColumn)
    let t = 140 / (fire.headSpreadRate + fire.backingSpreadRate) * 60  // 140 m long
    spread.run(until: t)
    let burned = spread.ignitions
    let minColumn = try #require(burned.map(\.column).min())
    let maxColumn = try #require(burned.map(\.column).max())
    let minRow = try #require(burned.map(\.row).min())
    let maxRow = try #require(burned.map(\.row).max())
    #expect(minRow > 0 && maxRow < rows - 1 && minColumn > 0 && maxColumn < columns - 1)
    let length = Double(maxColumn - minColumn + 1)
    let breadth = Double(maxRow - minRow + 1)
    let ratio = length / breadth
    #expect(abs(ratio / fire.lengthToBreadth - 1) < 0.05, "L/W \(ratio) vs \(fire.lengthToBreadth)")
    print("ellipse: burned L/W \(ratio), Anderson L/W \(fire.lengthToBreadth)")
    let head = Double(maxColumn - ignitionColumn)
    #expect(abs(head - fire.headSpreadRate * t / 60) <= 1)
    // Mirror symmetry about the wind axis (row 55).
    for ignition in burned {
      #expect(
        spread.arrivalTime(row: 2 * ignitionRow - ignition.row, column: ignition.column) != nil)
    }
  }

  /// Arrival times never decrease outward along any stencil ray from the ignition.
  @Test func arrivalTimesIncreaseOutward() throws {
    let size = 61
    let centre = 30
    var land = try FireLandscape(rows: size, columns: size, cellSize: 2, fuel: try fm1())
    land.setUniformSlope(0.3, upslopeAzimuth: 45)
    var spread = FireSpread(
      landscape: land, moisture: d2l2, wind: .midflame(speed: 200, toward: 100))
    try spread.ignite(row: centre, column: centre)
    spread.run()
    let steps = [
      (0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1), (1, 2), (-3, 2),
    ]
    for (dr, dc) in steps {
      var previous = -1.0
      var k = 0
      while land.contains(row: centre + k * dr, column: centre + k * dc) {
        let time = try #require(spread.arrivalTime(row: centre + k * dr, column: centre + k * dc))
        #expect(time >= previous, "ray (\(dr), \(dc)) step \(k)")
        previous = time
        k += 1
      }
    }
    let times = spread.ignitions.map(\.time)
    #expect(times == times.sorted())
    #expect(times.count == size * size)
  }

  @Test func slopeDrivesTheFireUphill() throws {
    var land = try FireLandscape(rows: 81, columns: 81, cellSize: 1, fuel: try fm1())
    land.setUniformSlope(0.5, upslopeAzimuth: 0)  // uphill is north (row 0)
    var spread = FireSpread(landscape: land, moisture: d2l2, wind: .midflame(speed: 0, toward: 0))
    try spread.ignite(row: 40, column: 40)
    spread.run()
    let north = try #require(spread.arrivalTime(row: 10, column: 40))
    let south = try #require(spread.arrivalTime(row: 70, column: 40))
    let east = try #require(spread.arrivalTime(row: 40, column: 70))
    let west = try #require(spread.arrivalTime(row: 40, column: 10))
    #expect(north < east && east < south)
    #expect(abs(east - west) < 1e-9 * east)
  }

  @Test func incrementalIgnitionsMatchABatchRun() throws {
    let land = try FireLandscape(rows: 25, columns: 25, cellSize: 3, fuel: try fm1())
    let wind = FireSpread.Wind.midflame(speed: 100, toward: 30)
    var batch = FireSpread(landscape: land, moisture: d2l2, wind: wind)
    try batch.ignite(row: 12, column: 12)
    batch.run()
    var stepwise = FireSpread(landscape: land, moisture: d2l2, wind: wind)
    try stepwise.ignite(row: 12, column: 12)
    var order: [FireSpread.CellIgnition] = []
    while let next = stepwise.nextIgnition() { order.append(next) }
    #expect(order == batch.ignitions)
    #expect(order.first == FireSpread.CellIgnition(row: 12, column: 12, time: 0))
    #expect(stepwise.nextIgnition() == nil)
    #expect(throws: HazardsError.self) { try stepwise.ignite(row: 0, column: 0, at: 1) }
    #expect(batch.burnedArea(at: .infinity) == 25 * 25 * 9)
    #expect(batch.burnedArea(at: -1) == 0)
  }

  @Test func aSecondIgnitionJoinsTheFire() throws {
    let land = try FireLandscape(rows: 21, columns: 41, cellSize: 1, fuel: try fm1())
    var spread = FireSpread(landscape: land, moisture: d2l2, wind: .midflame(speed: 0, toward: 0))
    try spread.ignite(row: 10, column: 5)
    spread.run(until: 30)
    try spread.ignite(row: 10, column: 35, at: 30)
    spread.run()
    let t35 = try #require(spread.arrivalTime(row: 10, column: 35))
    #expect(t35 == 30)
    let t40 = try #require(spread.arrivalTime(row: 10, column: 40))
    #expect(t40 < 30 + 6 / (1.403628 / 60) * 1.01)
  }
}
