/// Loading a fire landscape from ESRI ASCII rasters.
///
/// Fuel rasters carry local codes (FBP types, LANDFIRE numbers, land-use
/// classes); the caller maps each code to a standard fuel model number, and
/// a code it does not map is an error rather than silent non-fuel.
extension FireLandscape {
  /// Reads a fuel-code raster and optional slope (percent) and aspect
  /// (degrees, the downslope azimuth; negative = flat) rasters of the same shape.
  ///
  /// NODATA fuel cells are non-burnable.
  ///
  /// - Parameters:
  ///   - fuelGridPath: ESRI ASCII raster of fuel codes.
  ///   - fuelCodeMap: raster code to standard fuel model number (91-99 for non-fuel).
  ///   - slopePercentGridPath: ESRI ASCII slope raster in percent.
  ///   - aspectGridPath: ESRI ASCII aspect raster in degrees (downslope azimuth).
  /// - Throws: `HazardsError` for unreadable grids, unmapped codes or shape mismatches.
  public init(
    fuelGridPath: String, fuelCodeMap: [Int: Int], slopePercentGridPath: String? = nil,
    aspectGridPath: String? = nil
  ) throws {
    let fuel = try FireAsciiGrid(path: fuelGridPath)
    var numbers: [Int?] = []
    numbers.reserveCapacity(fuel.values.count)
    for (cell, value) in fuel.values.enumerated() {
      guard let value else {
        numbers.append(nil)
        continue
      }
      guard let number = fuelCodeMap[Int(value)] else {
        throw HazardsError(fuelGridPath, "cell \(cell): fuel code \(Int(value)) is not mapped")
      }
      numbers.append(number)
    }
    var slope: [Double]?
    var upslope: [Double]?
    if let slopePercentGridPath, let aspectGridPath {
      let s = try FireAsciiGrid(path: slopePercentGridPath)
      let a = try FireAsciiGrid(path: aspectGridPath)
      guard s.rows == fuel.rows, s.columns == fuel.columns, a.rows == fuel.rows,
        a.columns == fuel.columns
      else {
        throw HazardsError(slopePercentGridPath, "terrain grids differ in shape from the fuel grid")
      }
      slope = zip(s.values, a.values).map { pair in
        guard let percent = pair.0, let aspect = pair.1, aspect >= 0 else { return 0 }
        return percent / 100
      }
      upslope = zip(s.values, a.values).map { pair in
        guard let aspect = pair.1, aspect >= 0, (pair.0 ?? 0) > 0 else { return 0 }
        return (aspect + 180).truncatingRemainder(dividingBy: 360)
      }
    } else if slopePercentGridPath != nil || aspectGridPath != nil {
      throw HazardsError(fuelGridPath, "slope and aspect grids must be given together")
    }
    try self.init(
      rows: fuel.rows, columns: fuel.columns, cellSize: fuel.cellSize, fuelModelNumbers: numbers,
      slope: slope, upslopeAzimuth: upslope)
  }
}
