/// One edge face: the edge cell, the face's slot, and how it is oriented.
struct EdgeFace {
  /// Padded index of the edge cell.
  var cell: Int
  /// Slot of the boundary face in `qx` (x faces) or `qy` (y faces).
  var face: Int
  /// The slot of the edge cell's opposite face, in the same direction.
  var opposite: Int
  /// The inner neighbour of the edge cell, or nil on a one-cell-wide grid.
  var inner: Int?
  /// True for east and west edges.
  var isX: Bool
  /// True when the ghost lies on the face's low side (west or north edge),
  /// so positive discharge enters the grid.
  var ghostFirst: Bool
}

extension FloodSolver {
  /// The faces of one edge, north to south or west to east.
  func edgeFaces(_ edge: KeyPath<FloodBoundaries, FloodBoundary>) -> [EdgeFace] {
    let ncols = grid.ncols
    let nrows = grid.nrows
    switch edge {
    case \FloodBoundaries.west:
      return (0..<nrows).map { row in
        let c = padded(col: 0, row: row)
        return EdgeFace(
          cell: c, face: c - 1, opposite: c, inner: ncols > 1 ? c + 1 : nil, isX: true,
          ghostFirst: true)
      }
    case \FloodBoundaries.east:
      return (0..<nrows).map { row in
        let c = padded(col: ncols - 1, row: row)
        return EdgeFace(
          cell: c, face: c, opposite: c - 1, inner: ncols > 1 ? c - 1 : nil, isX: true,
          ghostFirst: false)
      }
    case \FloodBoundaries.north:
      return (0..<ncols).map { col in
        let c = padded(col: col, row: 0)
        return EdgeFace(
          cell: c, face: c - stride, opposite: c, inner: nrows > 1 ? c + stride : nil,
          isX: false, ghostFirst: true)
      }
    default:
      return (0..<ncols).map { col in
        let c = padded(col: col, row: nrows - 1)
        return EdgeFace(
          cell: c, face: c, opposite: c - stride, inner: nrows > 1 ? c - stride : nil,
          isX: false, ghostFirst: false)
      }
    }
  }

  /// The four edges with their conditions.
  var edges: [(KeyPath<FloodBoundaries, FloodBoundary>, FloodBoundary)] {
    [
      (\.north, boundaries.north), (\.south, boundaries.south),
      (\.east, boundaries.east), (\.west, boundaries.west),
    ]
  }

  /// New discharges on the faces of open edges (closed edges stay zero).
  func updateBoundaryFaces(_ update: FaceUpdate, at t: Double) {
    for (edge, condition) in edges {
      switch condition {
      case .closed: continue
      case .level(let series):
        let level = series.value(at: t)
        for face in edgeFaces(edge) { levelFace(face, level: level, update) }
      case .free(let slope):
        // Every edge cell: a cell outside the spans is dry, and a dry
        // cell's face gets 0, which is what it already holds.
        for face in edgeFaces(edge) { freeFace(face, slope: slope, update) }
      }
    }
  }

  /// A face to a ghost cell at `level` over the edge cell's bed.
  private func levelFace(_ face: EdgeFace, level: Double, _ update: FaceUpdate) {
    let c = face.cell
    let old = face.isX ? qxPrevious : qyPrevious
    let across =
      face.isX
      ? 2 * (qyPrevious[c] + qyPrevious[c - stride]) : 2 * (qxPrevious[c] + qxPrevious[c - 1])
    let ghost = max(level - bed[c], 0)
    let q: Double
    if face.ghostFirst {
      q = update.flux(
        zL: bed[c], hL: ghost, zR: bed[c], hR: depth[c], nL: roughness[c], nR: roughness[c],
        q0: old[face.face], back: old[face.face], ahead: old[face.opposite], across: across)
    } else {
      q = update.flux(
        zL: bed[c], hL: depth[c], zR: bed[c], hR: ghost, nL: roughness[c], nR: roughness[c],
        q0: old[face.face], back: old[face.opposite], ahead: old[face.face], across: across)
    }
    (face.isX ? qx : qy)[face.face] = q
  }

  /// Outflow at the local water-surface slope (or a given bed slope).
  private func freeFace(_ face: EdgeFace, slope: Double?, _ update: FaceUpdate) {
    let c = face.cell
    let old = face.isX ? qxPrevious : qyPrevious
    let new = face.isX ? qx : qy
    let outward = face.ghostFirst ? -1.0 : 1.0
    let h = depth[c]
    guard h > update.threshold else {
      new[face.face] = 0
      return
    }
    var fall = 0.0
    if let slope {
      fall = slope
    } else if let inner = face.inner, depth[inner] > update.threshold {
      fall = max((bed[inner] + depth[inner] - bed[c] - h) * update.inverseCellSize, 0)
    }
    let flowDepth = min(h, update.maxFlowDepth)
    let q0 = max(outward * old[face.face], 0)
    let n = roughness[c]
    let power = floodFrictionPower(flowDepth)
    let scale = power / (power + update.gravityStep * n * n * q0)
    // q-centred like the faces inside: the ghost beyond repeats this
    // face's discharge, and the face behind is the edge cell's other face.
    // Uncentred, the edge face and the one behind it swing against each
    // other step by step under theta < 1.
    var blended = q0
    if update.centred {
      let behind = outward * old[face.opposite]
      blended = update.theta * q0 + (1 - update.theta) * 0.5 * (behind + q0)
    }
    let q = max((blended + update.gravityStep * flowDepth * fall) * scale, 0)
    new[face.face] = outward * q
  }

  /// Discharge entering through open edges this step, summed over their
  /// faces (m2/s; multiply by dt dx for a volume).
  func boundaryInflow() -> Double {
    var total = 0.0
    for (edge, condition) in edges {
      if case .closed = condition { continue }
      for face in edgeFaces(edge) {
        let q = (face.isX ? qx : qy)[face.face]
        total += face.ghostFirst ? q : -q
      }
    }
    return total
  }

  /// The deepest ghost depth of the level edges at time `t` (m), which
  /// bounds the time step like any wet cell.
  func levelBoundaryDepth(at t: Double) -> Double {
    var deepest = 0.0
    for (edge, condition) in edges {
      guard case .level(let series) = condition else { continue }
      let level = series.value(at: t)
      for face in edgeFaces(edge) { deepest = max(deepest, level - bed[face.cell]) }
    }
    return deepest
  }
}
