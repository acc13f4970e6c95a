/// A point or line inflow: its cells, the share of the flow each takes,
/// and the hydrograph.
struct FloodInflow {
  /// Padded cell indices.
  var cells: [Int]
  /// Shares of the flow, summing to 1.
  var weights: [Double]
  /// Discharge (m3/s) over time.
  var hydrograph: FloodSeries
}

extension FloodSolver {
  /// Adds a point inflow at map point (x, y) with a hydrograph in m3/s
  /// (a culvert, a pump, a breach outflow).
  public func addInflow(x: Double, y: Double, hydrograph: FloodSeries) throws {
    guard let cell = grid.cell(atX: x, y: y) else {
      throw HazardsError("flood inflow", "point (\(x), \(y)) is outside the grid")
    }
    try add(
      FloodInflow(
        cells: [padded(col: cell.col, row: cell.row)], weights: [1], hydrograph: hydrograph))
  }

  /// Adds an inflow spread along the segment from (x0, y0) to (x1, y1), each
  /// cell taking the share of the segment's length that crosses it.
  ///
  /// The segment is cut into pieces much shorter than a cell, each piece
  /// credited to the cell holding its middle; that is exact for segments
  /// along cell rows or columns and within a thousandth otherwise.
  public func addInflow(
    fromX x0: Double, fromY y0: Double, toX x1: Double, toY y1: Double, hydrograph: FloodSeries
  ) throws {
    let length = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
    let pieces = max(1, Int((length / grid.cellSize * 1024).rounded(.up)))
    var cells: [Int] = []
    var counts: [Int] = []
    for piece in 0..<pieces {
      let fraction = (Double(piece) + 0.5) / Double(pieces)
      let x = x0 + fraction * (x1 - x0)
      let y = y0 + fraction * (y1 - y0)
      guard let cell = grid.cell(atX: x, y: y) else {
        throw HazardsError("flood inflow", "line (\(x0), \(y0))-(\(x1), \(y1)) leaves the grid")
      }
      let index = padded(col: cell.col, row: cell.row)
      if let known = cells.firstIndex(of: index) {
        counts[known] += 1
      } else {
        cells.append(index)
        counts.append(1)
      }
    }
    let weights = counts.map { Double($0) / Double(pieces) }
    try add(FloodInflow(cells: cells, weights: weights, hydrograph: hydrograph))
  }

  private func add(_ inflow: FloodInflow) throws {
    guard inflow.hydrograph.minimum >= 0 else {
      throw HazardsError("flood inflow", "discharge must not be negative")
    }
    inflows.append(inflow)
    refreshPinnedCells()
  }

  /// Adds rain and inflow volumes for the step [t0, t1]; returns true when
  /// rain fell (every cell changed, so the step must sweep them all).
  func applySources(from t0: Double, to t1: Double) -> Bool {
    let area = grid.cellSize * grid.cellSize
    for inflow in inflows {
      let volume = inflow.hydrograph.integral(from: t0, to: t1)
      if volume <= 0 { continue }
      inflowVolume += volume
      for (cell, weight) in zip(inflow.cells, inflow.weights) {
        depth[cell] += volume * weight / area
      }
    }
    applyBreaches(from: t0, to: t1)
    guard let rain else { return false }
    let added = rain.integral(from: t0, to: t1) / 3.6e6
    if added <= 0 { return false }
    rainVolume += added * area * Double(grid.ncols * grid.nrows)
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      for cell in start..<(start + grid.ncols) { depth[cell] += added }
    }
    return true
  }

  /// Sets a rain intensity of `mmPerHour` from `start` to `end` (s), zero
  /// outside, replacing any rain series.
  public func setRain(mmPerHour: Double, from start: Double = 0, to end: Double = .infinity) throws
  {
    guard mmPerHour >= 0, mmPerHour.isFinite, end > start else {
      throw HazardsError("flood rain", "needs an intensity >= 0 and from < to")
    }
    var points: [(Double, Double)] = [(start, 0), (start, mmPerHour)]
    if end.isFinite { points += [(end, mmPerHour), (end, 0)] }
    try setRain(FloodSeries(points))
  }

  /// Sets the rain intensity series (mm/h), or nil for no rain.
  public func setRain(_ series: FloodSeries?) throws {
    if let series, series.minimum < 0 {
      throw HazardsError("flood rain", "intensity must not be negative")
    }
    rain = series
  }
}
