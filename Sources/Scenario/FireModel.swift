import Foundation
import Hazards
import Township

/// A run's wildfire: the landscape from the header's `fuel` (and `terrain`)
/// rasters, the weather, and the arrival times of the fire.
///
/// Arrival times are settled lazily, up to the sim time a query asks about:
/// the minimum-travel-time search hands out cells in arrival order, so
/// settling up to `now` is exact whatever the query pattern. Moisture and
/// wind are uniform and fixed once the first ignition is made, because the
/// spread rates of every cell are computed from them then.
public final class FireModel {
  /// Fuel moisture used unless the scenario sets one: Scott & Burgan's
  /// D2L2 (6/7/8 % dead, 60/90 % live), a dry summer day.
  public static let defaultMoisture = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.6, liveWoody: 0.9)

  public let landscape: FireLandscape
  /// The fuel raster's geometry, to turn map points into cells.
  let frame: Raster
  public private(set) var moisture = FireModel.defaultMoisture
  /// 20-ft open wind (m/s) and the direction it blows from (degrees).
  public private(set) var windSpeed = 0.0
  public private(set) var windFrom = 0.0
  var spread: FireSpread?
  /// Ignitions made so far, and the time of the last (sim seconds): a
  /// forecast of the fire is good until the next ignition.
  public private(set) var ignitionCount = 0
  public private(set) var lastIgnitionTime: Double?

  /// The landscape from a fuel raster of standard fuel model numbers.
  ///
  /// 1-13 are Anderson's, 101-204 Scott & Burgan's, 91-93, 98 and 99
  /// non-burnable; 0 and NODATA cells carry no fuel. Slope comes from
  /// `terrain` when given.
  public init(fuel: Raster, terrain: Raster?) throws(ScenarioError) {
    guard fuel.cellWidth == fuel.cellHeight else {
      throw ScenarioError(
        "fuel",
        "the fire needs square cells (this grid's are "
          + "\(fuel.cellWidth) x \(fuel.cellHeight) m)")
    }
    var numbers: [Int?] = []
    numbers.reserveCapacity(fuel.values.count)
    for (cell, value) in fuel.values.enumerated() {
      if value.isNaN || value == 0 {
        numbers.append(nil)
        continue
      }
      guard value == value.rounded(), let number = Int(exactly: value),
        FuelModel.standard(number: number) != nil
      else {
        throw ScenarioError(
          "fuel",
          "cell \(cell + 1) holds \(Raster.format(value)), not a fuel model number "
            + "(1-13 Anderson, 101-204 Scott & Burgan, 91-93, 98, 99 or 0 non-burnable)")
      }
      numbers.append(number)
    }
    var slope: [Double]?
    var upslope: [Double]?
    if let terrain { (slope, upslope) = Self.slopes(of: terrain, on: fuel) }
    do {
      landscape = try FireLandscape(
        rows: fuel.rows, columns: fuel.columns, cellSize: fuel.cellWidth,
        fuelModelNumbers: numbers, slope: slope, upslopeAzimuth: upslope)
    } catch {
      throw ScenarioError("fuel", "\(error)")
    }
    frame = fuel
  }

  /// Slope (rise/run) and upslope azimuth (degrees from north) at each fuel
  /// cell centre, by central differences one cell either way on `terrain`.
  static func slopes(of terrain: Raster, on fuel: Raster) -> ([Double], [Double]) {
    let h = fuel.cellWidth
    var slope = [Double](repeating: 0, count: fuel.values.count)
    var upslope = [Double](repeating: 0, count: fuel.values.count)
    for row in 0..<fuel.rows {
      for column in 0..<fuel.columns {
        let c = fuel.centre(column: column, row: row)
        func z(_ dx: Double, _ dy: Double) -> Double? {
          terrain.sample(at: MapPoint(x: c.x + dx, y: c.y + dy))
        }
        guard let east = z(h, 0) ?? z(0, 0), let west = z(-h, 0) ?? z(0, 0),
          let north = z(0, h) ?? z(0, 0), let south = z(0, -h) ?? z(0, 0)
        else { continue }
        let gx = (east - west) / (2 * h)
        let gy = (north - south) / (2 * h)
        let k = row * fuel.columns + column
        slope[k] = (gx * gx + gy * gy).squareRoot()
        if slope[k] > 0 {
          let azimuth = atan2(gx, gy) * 180 / .pi
          upslope[k] = azimuth < 0 ? azimuth + 360 : azimuth
        }
      }
    }
    return (slope, upslope)
  }

  /// True once something has been ignited.
  public var isBurning: Bool { spread != nil }

  /// Sets the fuel moisture; refused once the fire burns.
  public func setMoisture(_ value: FuelMoisture) throws(ScenarioError) {
    guard spread == nil else { throw Self.tooLate }
    moisture = value
  }

  /// Sets the 20-ft wind (m/s, meteorological from-direction); refused once
  /// the fire burns.
  public func setWind(speed: Double, from: Double) throws(ScenarioError) {
    guard spread == nil else { throw Self.tooLate }
    windSpeed = speed
    windFrom = from
  }

  static let tooLate = ScenarioError(
    "", "the fire is already burning: set moisture and wind before the first sim.fire.ignite")

  /// The cell (row, column) containing a map point, or nil outside the raster.
  public func cell(x: Double, y: Double) -> (row: Int, column: Int)? {
    frame.cell(containing: MapPoint(x: x, y: y)).map { ($0.row, $0.column) }
  }

  /// Ignites the cell at (x, y) at sim time `now`.
  public func ignite(x: Double, y: Double, at now: Double) throws(ScenarioError) {
    guard let (row, column) = cell(x: x, y: y) else {
      throw ScenarioError("", "point (\(x), \(y)) is outside the fuel raster")
    }
    var fire =
      spread
      ?? FireSpread(
        landscape: landscape, moisture: moisture,
        wind: .twentyFoot(
          speed: windSpeed * 60, toward: (windFrom + 180).truncatingRemainder(dividingBy: 360)))
    fire.run(until: now)
    do {
      try fire.ignite(row: row, column: column, at: now)
    } catch {
      throw ScenarioError("", (error as? HazardsError)?.message ?? "\(error)")
    }
    spread = fire
    ignitionCount += 1
    lastIgnitionTime = now
  }

  /// Settles every arrival up to sim time `now`.
  public func advance(to now: Double) {
    spread?.run(until: now)
  }

  /// When the fire reached the cell at (x, y) (sim seconds), or nil if it
  /// has not by `now` (or the point is outside the raster).
  public func arrival(x: Double, y: Double, now: Double) -> Double? {
    advance(to: now)
    guard let (row, column) = cell(x: x, y: y),
      let time = spread?.arrivalTime(row: row, column: column),
      time <= now
    else { return nil }
    return time
  }

  /// Burned area (m2) at sim time `now`.
  public func burnedArea(now: Double) -> Double {
    advance(to: now)
    return spread?.burnedArea(at: now) ?? 0
  }

  /// Cells burned by `now`.
  public func burnedCells(now: Double) -> Int {
    Int((burnedArea(now: now) / (landscape.cellSize * landscape.cellSize)).rounded())
  }
}
