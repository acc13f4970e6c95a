extension FloodSolver {
  /// Depth (m) of the cell containing map point (x, y), or nil outside the grid.
  ///
  /// A point on a cell edge reads the cell east and south of it (see
  /// `FloodGrid.cell(atX:y:)`).
  public func depth(atX x: Double, y: Double) -> Double? {
    guard let cell = grid.cell(atX: x, y: y) else { return nil }
    return depth[padded(col: cell.col, row: cell.row)]
  }

  /// Depth (m) of cell (col, row); row 0 is north.
  public func depth(col: Int, row: Int) -> Double {
    precondition(col >= 0 && col < grid.ncols && row >= 0 && row < grid.nrows, "cell out of grid")
    return depth[padded(col: col, row: row)]
  }

  /// Every cell's depth (m), row-major from the north-west cell.
  public func depths() -> [Double] { raster(depth) }

  /// Every cell's greatest depth so far (m), row-major from the north-west cell.
  public func maxDepths() -> [Double] { raster(maxDepth) }

  /// East-face unit discharges (m2/s, positive east), ncols + 1 per row from
  /// the western edge face, rows from the north.
  public func eastwardDischarges() -> [Double] {
    var values: [Double] = []
    values.reserveCapacity((grid.ncols + 1) * grid.nrows)
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row) - 1
      for face in start..<(start + grid.ncols + 1) { values.append(qx[face]) }
    }
    return values
  }

  /// South-face unit discharges (m2/s, positive south), ncols per row, nrows + 1
  /// rows from the northern edge faces.
  public func southwardDischarges() -> [Double] {
    var values: [Double] = []
    values.reserveCapacity(grid.ncols * (grid.nrows + 1))
    for row in -1..<grid.nrows {
      let start = padded(col: 0, row: row)
      for face in start..<(start + grid.ncols) { values.append(qy[face]) }
    }
    return values
  }

  /// Water volume on the grid (m3).
  public func volume() -> Double {
    var total = 0.0
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      var rowTotal = 0.0
      for c in start..<(start + grid.ncols) { rowTotal += depth[c] }
      total += rowTotal
    }
    return total * grid.cellSize * grid.cellSize
  }

  /// Volume that should be on the grid if mass is conserved: everything
  /// added by rain, inflows, breaches, open edges, `fill` and `setDepths` (m3).
  public var expectedVolume: Double {
    rainVolume + inflowVolume + breachVolume + boundaryVolume + addedVolume
  }

  /// Cells the last step swept (wet cells, their ring, pinned cells).
  public var activeCells: Int { activeCount }

  /// Cells deeper than the depth threshold.
  public var wetCells: Int { depths().reduce(0) { $0 + ($1 > parameters.depthThreshold ? 1 : 0) } }

  /// Raises the water surface to `level` over every cell whose bed is below it
  /// (cells already higher keep their water), as a lake or a filled river.
  ///
  /// Depths are nudged by an ulp where needed so that bed plus depth equals
  /// `level` exactly: a lake filled this way is exactly at rest.
  public func fill(level: Double) {
    let area = grid.cellSize * grid.cellSize
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      for c in start..<(start + grid.ncols) where bed[c] + depth[c] < level {
        var value = level - bed[c]
        for _ in 0..<4 where bed[c] + value != level {
          value = bed[c] + value > level ? value.nextDown : value.nextUp
        }
        addedVolume += (value - depth[c]) * area
        depth[c] = value
        if value > maxDepth[c] { maxDepth[c] = value }
      }
    }
    rebuildActiveCells()
  }

  /// Sets every cell's depth (m, row-major from the north-west cell, >= 0).
  public func setDepths(_ values: [Double]) throws {
    guard values.count == grid.ncols * grid.nrows else {
      throw HazardsError(
        "flood depths", "\(values.count) values, expected \(grid.ncols * grid.nrows)")
    }
    if let index = values.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
      throw HazardsError("flood depths", "value \(index + 1) must be finite and >= 0")
    }
    let area = grid.cellSize * grid.cellSize
    for row in 0..<grid.nrows {
      for col in 0..<grid.ncols {
        let c = padded(col: col, row: row)
        let value = values[row * grid.ncols + col]
        addedVolume += (value - depth[c]) * area
        depth[c] = value
        if value > maxDepth[c] { maxDepth[c] = value }
      }
    }
    rebuildActiveCells()
  }

  /// The cells of buffer `values` without the ghost ring.
  private func raster(_ values: UnsafeMutablePointer<Double>) -> [Double] {
    var result: [Double] = []
    result.reserveCapacity(grid.ncols * grid.nrows)
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      for c in start..<(start + grid.ncols) { result.append(values[c]) }
    }
    return result
  }
}
