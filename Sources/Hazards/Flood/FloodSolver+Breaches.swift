extension FloodSolver {
  /// Adds a breach; from the next step its outflow enters the grid at the
  /// cell holding its point, and that cell stays in the swept list.
  @discardableResult public func addBreach(_ breach: FloodBreach) throws -> FloodBreach {
    guard let cell = grid.cell(atX: breach.x, y: breach.y) else {
      throw HazardsError("flood breach", "point (\(breach.x), \(breach.y)) is outside the grid")
    }
    guard !breaches.contains(where: { $0 === breach }) else {
      throw HazardsError("flood breach", "this breach is already on the grid")
    }
    breach.cell = padded(col: cell.col, row: cell.row)
    breaches.append(breach)
    refreshPinnedCells()
    return breach
  }

  /// Moves each breach's outflow for the step [t0, t1] onto its cell.
  func applyBreaches(from t0: Double, to t1: Double) {
    let area = grid.cellSize * grid.cellSize
    for breach in breaches {
      let c = breach.cell
      let volume = breach.release(from: t0, to: t1, tailwater: bed[c] + depth[c], cellArea: area)
      guard volume > 0 else { continue }
      breachVolume += volume
      depth[c] += volume / area
    }
  }
}

extension FloodSolver {
  /// Water surface level (m: bed plus depth) of the cell containing map
  /// point (x, y), or nil outside the grid.
  public func waterLevel(atX x: Double, y: Double) -> Double? {
    guard let cell = grid.cell(atX: x, y: y) else { return nil }
    let c = padded(col: cell.col, row: cell.row)
    return bed[c] + depth[c]
  }
}
