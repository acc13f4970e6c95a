import Hazards
import Testing

/// Arrival times on a small random landscape, pinned bit for bit.
///
/// The search was restructured for speed (precomputed per-direction costs
/// over uniform fuel, an indexed 4-ary heap); these digests were recorded
/// with the original straightforward Dijkstra, so any change to a single
/// arrival time or to the settling order fails here. The landscape mixes
/// fuel blocks, scattered non-fuel, sloped patches and two ignitions, so
/// both the uniform fast path and the general ray walk are exercised.
@Suite struct FireSpreadGoldenTests {
  private let d2l2 = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.60, liveWoody: 0.90)

  /// A 64-bit linear congruential generator, so the landscape is fixed.
  private struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  private func landscape(rows: Int, columns: Int, seed: UInt64) throws -> FireLandscape {
    var random = Generator(state: seed)
    let fuels = [1, 2, 3, 8, 10]
    let blockFuel = (0..<((rows / 20 + 1) * (columns / 20 + 1))).map { _ in
      fuels[random.next(fuels.count)]
    }
    var numbers: [Int?] = []
    var slope: [Double] = []
    var aspect: [Double] = []
    for row in 0..<rows {
      for column in 0..<columns {
        let block = (row / 20) * (columns / 20 + 1) + column / 20
        numbers.append(random.next(300) == 0 ? nil : blockFuel[block])
        let sloped = row > rows / 2 && column < columns / 3
        slope.append(sloped ? Double(random.next(60)) / 100 : 0)
        aspect.append(sloped ? Double(random.next(360)) : 0)
      }
    }
    return try FireLandscape(
      rows: rows, columns: columns, cellSize: 5, fuelModelNumbers: numbers, slope: slope,
      upslopeAzimuth: aspect)
  }

  /// FNV-1a over the settling order and the bit patterns of every arrival.
  private func digest(_ spread: FireSpread) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ value: UInt64) {
      hash = (hash ^ value) &* 0x100_0000_01b3
    }
    for ignition in spread.ignitions {
      mix(UInt64(ignition.row))
      mix(UInt64(ignition.column))
      mix(ignition.time.bitPattern)
    }
    for time in spread.arrivalTimes { mix(time?.bitPattern ?? 1) }
    return hash
  }

  private func spread(wind: FireSpread.Wind, radius: Int) throws -> FireSpread {
    let land = try landscape(rows: 70, columns: 83, seed: 2026)
    var spread = FireSpread(landscape: land, moisture: d2l2, wind: wind, stencilRadius: radius)
    try spread.ignite(row: 20, column: 40)
    spread.run(until: 600)
    try spread.ignite(row: 60, column: 10, at: spread.settledUntil ?? 0)
    spread.run()
    return spread
  }

  @Test func windDrivenRadiusFiveMatchesTheOriginalSearch() throws {
    let wind = FireSpread.Wind.twentyFoot(speed: FireUnits.metresPerMinute(mph: 12), toward: 70)
    let spread = try spread(wind: wind, radius: 5)
    print("golden r5: \(spread.ignitions.count) cells, digest \(digest(spread))")
    #expect(spread.ignitions.count == 5793)
    #expect(digest(spread) == 8_461_795_501_825_192_683)
  }

  @Test func calmRadiusThreeMatchesTheOriginalSearch() throws {
    let spread = try spread(wind: .midflame(speed: 0, toward: 0), radius: 3)
    print("golden r3: \(spread.ignitions.count) cells, digest \(digest(spread))")
    #expect(spread.ignitions.count == 5793)
    #expect(digest(spread) == 16_910_568_586_967_371_561)
  }
}
