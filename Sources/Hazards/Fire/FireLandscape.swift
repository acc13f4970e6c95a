/// A raster of surface fuel and terrain for grid fire spread.
///
/// Row 0 is the northern edge and columns grow eastward, as in ESRI ASCII
/// grids. Each cell holds an index into `models` (a burnable or non-burnable
/// fuel model) and, when terrain is given, a slope (rise/run) and the
/// azimuth pointing upslope.
public struct FireLandscape: Sendable {
  public let rows: Int
  public let columns: Int
  /// Cell side (m).
  public let cellSize: Double
  /// Fuel models referenced by `fuelIndex`; index 0 is always non-burnable (NB1).
  public private(set) var models: [FuelModel]
  /// Per cell, row-major: index into `models`.
  public private(set) var fuelIndex: [Int]
  /// Per cell slope as rise/run, or nil for flat ground everywhere.
  public private(set) var slope: [Double]?
  /// Per cell upslope azimuth (degrees from north), present with `slope`.
  public private(set) var upslopeAzimuth: [Double]?

  private static let nonBurnable = FuelModel(
    number: 91, code: "NB1", depth: 0, deadExtinctionMoisture: 0, heatContent: 0, load1h: 0,
    load10h: 0, load100h: 0, loadHerbaceous: 0, loadWoody: 0, sav1h: 0, savHerbaceous: 0,
    savWoody: 0)

  /// A flat landscape of one fuel model.
  public init(rows: Int, columns: Int, cellSize: Double, fuel: FuelModel) throws {
    guard rows > 0, columns > 0, cellSize > 0, cellSize.isFinite else {
      throw HazardsError("fire landscape", "needs positive rows, columns and cell size")
    }
    self.rows = rows
    self.columns = columns
    self.cellSize = cellSize
    models = [Self.nonBurnable, fuel]
    fuelIndex = Array(repeating: 1, count: rows * columns)
  }

  /// A landscape from per-cell fuel model numbers (row-major; nil = no fuel)
  /// and optional terrain (slope in rise/run, upslope azimuth in degrees).
  public init(
    rows: Int, columns: Int, cellSize: Double, fuelModelNumbers: [Int?],
    slope: [Double]? = nil, upslopeAzimuth: [Double]? = nil
  ) throws {
    guard rows > 0, columns > 0, cellSize > 0, cellSize.isFinite else {
      throw HazardsError("fire landscape", "needs positive rows, columns and cell size")
    }
    let count = rows * columns
    guard fuelModelNumbers.count == count else {
      throw HazardsError(
        "fire landscape", "fuel raster has \(fuelModelNumbers.count) cells, not \(count)")
    }
    guard (slope == nil) == (upslopeAzimuth == nil), slope.map({ $0.count == count }) ?? true,
      upslopeAzimuth.map({ $0.count == count }) ?? true
    else {
      throw HazardsError(
        "fire landscape", "slope and aspect must both be given, one value per cell")
    }
    self.rows = rows
    self.columns = columns
    self.cellSize = cellSize
    self.slope = slope
    self.upslopeAzimuth = upslopeAzimuth
    var models = [Self.nonBurnable]
    var indexOfNumber: [Int: Int] = [:]
    var index = [Int](repeating: 0, count: count)
    for (cell, number) in fuelModelNumbers.enumerated() {
      guard let number else { continue }
      if let known = indexOfNumber[number] {
        index[cell] = known
        continue
      }
      guard let model = FuelModel.standard(number: number) else {
        throw HazardsError("fire landscape", "cell \(cell): unknown fuel model number \(number)")
      }
      models.append(model)
      indexOfNumber[number] = models.count - 1
      index[cell] = models.count - 1
    }
    self.models = models
    fuelIndex = index
  }

  /// Linear index of a cell.
  @inlinable public func cell(row: Int, column: Int) -> Int { row * columns + column }

  /// True when the cell is inside the raster.
  public func contains(row: Int, column: Int) -> Bool {
    row >= 0 && row < rows && column >= 0 && column < columns
  }

  /// The fuel model of a cell.
  public func fuel(row: Int, column: Int) -> FuelModel {
    models[fuelIndex[cell(row: row, column: column)]]
  }

  /// Makes one cell non-burnable (a road, a fire break, water).
  public mutating func clearFuel(row: Int, column: Int) {
    fuelIndex[cell(row: row, column: column)] = 0
  }

  /// Sets a uniform slope over the whole landscape (rise/run, upslope azimuth in degrees).
  public mutating func setUniformSlope(_ value: Double, upslopeAzimuth azimuth: Double) {
    slope = Array(repeating: value, count: rows * columns)
    upslopeAzimuth = Array(repeating: azimuth, count: rows * columns)
  }
}
