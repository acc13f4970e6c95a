/// Four doubles from `base[index...]`, wherever they lie.
@inline(__always) func floodLoad(
  _ base: UnsafeMutablePointer<Double>, _ index: Int
) -> SIMD4<Double> {
  UnsafeRawPointer(base + index).loadUnaligned(as: SIMD4<Double>.self)
}

/// Stores four doubles at `base[index...]`, wherever they lie.
@inline(__always) func floodStore(
  _ value: SIMD4<Double>, _ base: UnsafeMutablePointer<Double>, _ index: Int
) {
  UnsafeMutableRawPointer(base + index).storeBytes(of: value, as: SIMD4<Double>.self)
}

extension FloodSolver {
  /// New discharges on every face between two active cells, each cell's
  /// outflow limited once its four faces are known, and with `depths`,
  /// continuity one row behind; returns the wet count (0 without
  /// `depths`).
  ///
  /// Each span takes three passes: its east faces, its south faces, then
  /// the limiter. The face passes read only last step's discharges and
  /// this step's depths, so their faces are independent of each other and
  /// go four at a time. A span's cells have an active east neighbour but
  /// for the last; the south neighbours are active where the next row's
  /// spans lie under the span, so the south pass runs on the segments
  /// those cover. Faces to inactive cells are not written: they hold zero
  /// (or, on an open edge, the edge's discharge). Depths of a row need the
  /// limiter of the row below it (which may scale their south faces),
  /// hence the lag.
  func sweep(_ update: FaceUpdate, dt: Double, depths: Bool) -> Int {
    var runs = wetRuns
    wetRuns = []
    runs.removeAll(keepingCapacity: true)
    var deepest = 0.0
    var wet = 0
    let factor = dt / grid.cellSize
    let stride = self.stride
    spans.withUnsafeBufferPointer { spans in
      let count = spans.count
      var pending = (from: 0, to: 0)
      var index = 0
      var below = 0  // first span that may lie under the current one
      while index < count {
        let row = Int(spans[index]) / stride
        let rowFrom = index
        while index < count, Int(spans[index]) / stride == row {
          let first = Int(spans[index])
          let end = Int(spans[index &+ 1])
          faces(update, from: first, to: end &- 1, east: true)
          below = max(below, index &+ 2)
          var c = first
          while c < end {
            while below < count, Int(spans[below &+ 1]) <= c &+ stride { below &+= 2 }
            let southActive = below < count && Int(spans[below]) <= c &+ stride
            let segmentEnd: Int
            if southActive {
              segmentEnd = min(end, Int(spans[below &+ 1]) &- stride)
              faces(update, from: c, to: segmentEnd, east: false)
            } else {
              segmentEnd = below < count ? min(end, Int(spans[below]) &- stride) : end
            }
            c = segmentEnd
          }
          limitOutflow(from: first, to: end, factor: factor)
          index &+= 2
        }
        if depths, pending.to > pending.from {
          wet &+= updateDepths(
            spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
            deepest: &deepest)
        }
        pending = (rowFrom, index)
      }
      if depths, pending.to > pending.from {
        wet &+= updateDepths(
          spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
          deepest: &deepest)
      }
    }
    if depths { self.deepest = deepest }
    wetRuns = runs
    return wet
  }

  /// East faces (`east`) or south faces of cells `from..<to`, whose
  /// neighbours that way are all active.
  ///
  /// One loop for both directions: a face joins cell c to c + `step`, and
  /// the four discharges across it are at c, c - `side`, c + `step` and
  /// c + `step` - `side`, summed in that order in both.
  func faces(_ update: FaceUpdate, from: Int, to: Int, east: Bool) {
    let step = east ? 1 : stride
    let side = east ? stride : 1
    let z = bed
    let h = depth
    let n = roughness
    let faceN = east ? eastRoughness : southRoughness
    let q = east ? qxPrevious : qyPrevious
    let across = east ? qyPrevious : qxPrevious
    let new = east ? qx : qy
    var c = from
    while c &+ 4 <= to {
      let e = c &+ step
      let flux = update.fluxes(
        zL: floodLoad(z, c), hL: floodLoad(h, c), zR: floodLoad(z, e), hR: floodLoad(h, e),
        n: floodLoad(faceN, c), q0: floodLoad(q, c),
        back: floodLoad(q, c &- step), ahead: floodLoad(q, e),
        across: floodLoad(across, c) + floodLoad(across, c &- side) + floodLoad(across, e)
          + floodLoad(across, e &- side))
      floodStore(flux, new, c)
      c &+= 4
    }
    while c < to {
      let e = c &+ step
      new[c] = update.flux(
        zL: z[c], hL: h[c], zR: z[e], hR: h[e], nL: n[c], nR: n[e],
        q0: q[c], back: q[c &- step], ahead: q[e],
        across: across[c] + across[c &- side] + across[e] + across[e &- side])
      c &+= 1
    }
  }

  /// Limits the outflow of cells `from..<to`, whose four faces are final.
  ///
  /// The limiter scales each cell's outgoing discharges so it cannot lose
  /// more water than it holds. Each face is outgoing for one cell only, and
  /// a cell's test reads only its own outgoing faces, so the result does
  /// not depend on the order and the scaled fluxes stay conservative:
  /// depths never go negative and mass closes to round-off (hazards.md §1.3).
  /// That independence lets four cells be tested at once; only a group
  /// with a cell to scale goes cell by cell.
  func limitOutflow(from: Int, to: Int, factor: Double) {
    let stride = self.stride
    let h = depth
    let qx = self.qx
    let qy = self.qy
    var c = from
    while c &+ 4 <= to {
      // max(q, 0) as Swift's max: 0 when q <= 0.
      var east = floodLoad(qx, c)
      east.replace(with: 0, where: east .<= 0)
      var west = -floodLoad(qx, c &- 1)
      west.replace(with: 0, where: west .<= 0)
      var south = floodLoad(qy, c)
      south.replace(with: 0, where: south .<= 0)
      var north = -floodLoad(qy, c &- stride)
      north.replace(with: 0, where: north .<= 0)
      let out = (east + west + south + north) * factor
      if any(out .> floodLoad(h, c)) {
        for cell in c..<(c &+ 4) { limitOutflow(of: cell, factor: factor) }
      }
      c &+= 4
    }
    while c < to {
      limitOutflow(of: c, factor: factor)
      c &+= 1
    }
  }

  /// The limiter of one cell.
  @inline(__always) func limitOutflow(of c: Int, factor: Double) {
    let stride = self.stride
    let qx = self.qx
    let qy = self.qy
    let eastQ = qx[c]
    let westQ = qx[c &- 1]
    let southQ = qy[c]
    let northQ = qy[c &- stride]
    let out = (max(eastQ, 0) + max(-westQ, 0) + max(southQ, 0) + max(-northQ, 0)) * factor
    let available = depth[c]
    if out > available {
      let scale = available / out
      if eastQ > 0 { qx[c] = eastQ * scale }
      if westQ < 0 { qx[c &- 1] = westQ * scale }
      if southQ > 0 { qy[c] = southQ * scale }
      if northQ < 0 { qy[c &- stride] = northQ * scale }
    }
  }
}
