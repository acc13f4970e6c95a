/// Cube root by bit estimate and two Halley iterations (relative error
/// below 1e-14 for the positive depths it is used on).
///
/// Four times faster than libm's `cbrt` here, and plain IEEE arithmetic,
/// so the friction term gives the same bits on every platform.
@inline(__always) func floodCubeRoot(_ x: Double) -> Double {
  var y = Double(bitPattern: x.bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE)
  var cube = y * y * y
  y = y * (cube + x + x) / (cube + cube + x)
  cube = y * y * y
  return y * (cube + x + x) / (cube + cube + x)
}

/// `floodCubeRoot` of two values at once, with the same bits per lane.
@inline(__always) func floodCubeRoot(_ x: SIMD2<Double>) -> SIMD2<Double> {
  var y = SIMD2(
    Double(bitPattern: x[0].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE),
    Double(bitPattern: x[1].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE))
  var cube = y * y * y
  y = y * (cube + x + x) / (cube + cube + x)
  cube = y * y * y
  return y * (cube + x + x) / (cube + cube + x)
}

/// `floodFrictionPower` of two depths at once, with the same bits per lane.
@inline(__always) func floodFrictionPower(_ h: SIMD2<Double>) -> SIMD2<Double> {
  h * h * floodCubeRoot(h)
}

/// `h^(7/3)` for Manning friction, as `h^2 cbrt(h)`.
///
/// One function for the per-cell cache and the per-face fallback, so both
/// give the same bits.
@inline(__always) func floodFrictionPower(_ h: Double) -> Double {
  h * h * floodCubeRoot(h)
}

/// The per-step constants of the face update.
struct FaceUpdate {
  var threshold: Double
  var maxFlowDepth: Double
  var gravityStep: Double  // g dt
  var inverseCellSize: Double
  var theta: Double
  var centred: Bool  // theta < 1
  var twoDimensional: Bool

  /// The new unit discharge (m2/s, positive from L to R) of one face.
  ///
  /// `q0` is the face's last discharge, `back` and `ahead` its neighbours
  /// in the same direction, `across` the sum of the four perpendicular
  /// discharges around it (for the friction magnitude). The form
  /// multiplies Bates's friction denominator through by h^(7/3), so one
  /// division is left besides the cube root's.
  @inline(__always) func flux(
    zL: Double, hL: Double, zR: Double, hR: Double, nL: Double, nR: Double,
    q0: Double, back: Double, ahead: Double, across: Double
  ) -> Double {
    let etaL = zL + hL
    let etaR = zR + hR
    var flowDepth = max(etaL, etaR) - max(zL, zR)
    guard flowDepth > threshold else { return 0 }
    flowDepth = min(flowDepth, maxFlowDepth)
    let n = 0.5 * (nL + nR)
    let magnitude: Double
    if twoDimensional {
      let perpendicular = 0.25 * across
      magnitude = (q0 * q0 + perpendicular * perpendicular).squareRoot()
    } else {
      magnitude = abs(q0)
    }
    let power = floodFrictionPower(flowDepth)  // h^(7/3)
    let push = gravityStep * flowDepth * (etaR - etaL) * inverseCellSize
    let scale = power / (power + gravityStep * n * n * magnitude)
    if centred {
      let blended = theta * q0 + (1 - theta) * 0.5 * (back + ahead)
      let q = (blended - push) * scale
      // de Almeida's fallback: never flow against the level difference.
      if q * (etaL - etaR) < 0 { return (q0 - push) * scale }
      return q
    }
    return (q0 - push) * scale
  }

  /// `flux` of two faces at once (lane 0 and lane 1), with its bits per lane.
  ///
  /// A cell's east and south faces share the formula, so they go through
  /// SIMD lanes together: one square root, one cube root and one division
  /// for both. Every operation is the scalar one in the same order (`max`
  /// and `min` as Swift's, which keep the first argument on ties).
  ///
  /// The friction power h^(7/3) is computed for every face, without a
  /// branch. (It used to be cached per cell and reused when the flow depth
  /// equalled a cell's depth; on real terrain (z + h) − z rounds away from
  /// h on most faces, so the cache was rarely hit, cost a pass of its own
  /// and made the face loop's branch unpredictable. The cube root is the
  /// same function of the same value either way, so the bits are too.) A
  /// lane that does not flow takes the cube root of 1 instead of its
  /// (possibly zero or negative) flow depth, and its result is dropped.
  @inline(__always) func fluxPair(
    zL: SIMD2<Double>, hL: SIMD2<Double>, zR: SIMD2<Double>, hR: SIMD2<Double>,
    nL: SIMD2<Double>, nR: SIMD2<Double>, q0: SIMD2<Double>, back: SIMD2<Double>,
    ahead: SIMD2<Double>, across: SIMD2<Double>
  ) -> SIMD2<Double> {
    let etaL = zL + hL
    let etaR = zR + hR
    var highEta = etaL
    highEta.replace(with: etaR, where: etaR .>= etaL)
    var highBed = zL
    highBed.replace(with: zR, where: zR .>= zL)
    var flowDepth = highEta - highBed
    let flowing = flowDepth .> threshold
    flowDepth.replace(with: maxFlowDepth, where: SIMD2(repeating: maxFlowDepth) .< flowDepth)
    let n = 0.5 * (nL + nR)
    let magnitude: SIMD2<Double>
    if twoDimensional {
      let perpendicular = 0.25 * across
      magnitude = (q0 * q0 + perpendicular * perpendicular).squareRoot()
    } else {
      magnitude = SIMD2(abs(q0[0]), abs(q0[1]))
    }
    var rootable = SIMD2<Double>(repeating: 1)
    rootable.replace(with: flowDepth, where: flowing)
    let power = floodFrictionPower(rootable)
    let push = gravityStep * flowDepth * (etaR - etaL) * inverseCellSize
    let scale = power / (power + gravityStep * n * n * magnitude)
    var q = (q0 - push) * scale
    if centred {
      let blended = theta * q0 + (1 - theta) * 0.5 * (back + ahead)
      let centredQ = (blended - push) * scale
      // de Almeida's fallback: never flow against the level difference.
      q.replace(with: centredQ, where: .!(centredQ * (etaL - etaR) .< 0))
    }
    q.replace(with: 0, where: .!flowing)
    return q
  }
}

extension FloodSolver {
  /// Advances to exactly `target` seconds in as many steps as stability needs.
  ///
  /// Does nothing when `target` is not after the current time, so a
  /// discrete-event loop can call it at every event.
  public func advance(to target: Double) {
    while time < target { step(until: target) }
  }

  /// Takes one step, no longer than stability allows and not past `limit`;
  /// returns the new time.
  ///
  /// Edge faces first, then one sweep over the spans that computes each
  /// cell's east and south faces and at once limits its outflow (its west
  /// and north faces are final by then: memory order), and a row behind,
  /// updates depths. Rain, inflows and breaches add water between the
  /// limiter and continuity, so with any of them the depths get a sweep of
  /// their own after the sources, as the scheme has it.
  @discardableResult public func step(until limit: Double = .infinity) -> Double {
    var dt = stableTimeStep()
    let end: Double
    if time + dt >= limit {
      dt = limit - time
      end = limit
    } else {
      end = time + dt
    }
    guard dt > 0 else { return time }
    swap(&qx, &qxPrevious)
    swap(&qy, &qyPrevious)
    let update = FaceUpdate(
      threshold: parameters.depthThreshold, maxFlowDepth: parameters.maxFlowDepth,
      gravityStep: parameters.gravity * dt, inverseCellSize: 1 / grid.cellSize,
      theta: parameters.theta, centred: parameters.theta < 1,
      twoDimensional: parameters.twoDimensionalFriction)
    updateBoundaryFaces(update, at: time)
    let sourced = rain != nil || !inflows.isEmpty || !breaches.isEmpty
    cellUpdates += activeCount
    let wet = sweep(update, dt: dt, depths: !sourced)
    boundaryVolume += boundaryInflow() * dt * grid.cellSize
    if sourced {
      if applySources(from: time, to: end) {
        wetCellUpdates += updateAllDepths(dt: dt)
      } else {
        wetCellUpdates += updateSpanDepths(dt: dt)
      }
    } else {
      wetCellUpdates += wet
    }
    finishSpans()
    time = end
    steps += 1
    lastTimeStep = dt
    return time
  }

  /// `alpha dx / sqrt(g h_max)`, capped by the maximum step.
  func stableTimeStep() -> Double {
    let deepest = max(self.deepest, levelBoundaryDepth(at: time))
    guard deepest > parameters.depthThreshold else { return parameters.maxTimeStep }
    let step = parameters.alpha * grid.cellSize / (parameters.gravity * deepest).squareRoot()
    return min(step, parameters.maxTimeStep)
  }

  /// Continuity over the spans alone (sources fell only on pinned cells,
  /// which are in them); returns the wet count.
  func updateSpanDepths(dt: Double) -> Int {
    var runs = wetRuns
    wetRuns = []
    runs.removeAll(keepingCapacity: true)
    var deepest = 0.0
    let wet = spans.withUnsafeBufferPointer {
      updateDepths(
        spans: $0, from: 0, to: $0.count, factor: dt / grid.cellSize, runs: &runs,
        deepest: &deepest)
    }
    self.deepest = deepest
    wetRuns = runs
    return wet
  }

  /// New discharges on every face between two active cells, each cell's
  /// outflow limited as soon as its four faces are known, and with
  /// `depths`, continuity one row behind; returns the wet count (0 without
  /// `depths`).
  ///
  /// A span's cells have an active east neighbour but for the last; the
  /// south neighbours are active where the next row's spans lie under the
  /// span, so each span is cut into segments by those, with the south test
  /// constant inside. Faces to inactive cells are not written: they hold
  /// zero (or, on an open edge, the edge's discharge). Depths of a row need
  /// the limiter of the row below it (which may scale their south faces),
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
      var pending = (from: 0, to: 0, row: Int.min)
      var index = 0
      var below = 0  // first span that may lie under the current one
      while index < count {
        let row = Int(spans[index]) / stride
        let rowFrom = index
        while index < count, Int(spans[index]) / stride == row {
          let first = Int(spans[index])
          let end = Int(spans[index + 1])
          below = max(below, index + 2)
          var c = first
          while c < end {
            while below < count, Int(spans[below + 1]) <= c + stride { below += 2 }
            let southActive = below < count && Int(spans[below]) <= c + stride
            let segmentEnd: Int
            if southActive {
              segmentEnd = min(end, Int(spans[below + 1]) - stride)
            } else {
              segmentEnd = below < count ? min(end, Int(spans[below]) - stride) : end
            }
            faces(update, from: c, to: segmentEnd, spanEnd: end, south: southActive, factor: factor)
            c = segmentEnd
          }
          index += 2
        }
        if depths, pending.to > pending.from {
          wet += updateDepths(
            spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
            deepest: &deepest)
        }
        pending = (rowFrom, index, row)
      }
      if depths, pending.to > pending.from {
        wet += updateDepths(
          spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
          deepest: &deepest)
      }
    }
    if depths { self.deepest = deepest }
    wetRuns = runs
    return wet
  }

  /// Faces and outflow limits of cells `from..<to` of a span ending at
  /// `spanEnd`, whose south neighbours are all active (`south`) or none.
  ///
  /// The limiter scales each cell's outgoing discharges so it cannot lose
  /// more water than it holds. Each face is outgoing for one cell only, and
  /// a cell's test reads only its own outgoing faces, so the result does
  /// not depend on the order and the scaled fluxes stay conservative:
  /// depths never go negative and mass closes to round-off (hazards.md §1.3).
  @inline(__always) func faces(
    _ update: FaceUpdate, from: Int, to: Int, spanEnd: Int, south: Bool, factor: Double
  ) {
    let stride = self.stride
    let z = bed
    let h = depth
    let n = roughness
    let qxOld = qxPrevious
    let qyOld = qyPrevious
    let qxNew = qx
    let qyNew = qy
    for c in from..<to {
      let e = c + 1
      let s = c + stride
      let east = e < spanEnd
      if east && south {
        let q = update.fluxPair(
          zL: SIMD2(repeating: z[c]), hL: SIMD2(repeating: h[c]), zR: SIMD2(z[e], z[s]),
          hR: SIMD2(h[e], h[s]), nL: SIMD2(repeating: n[c]), nR: SIMD2(n[e], n[s]),
          q0: SIMD2(qxOld[c], qyOld[c]), back: SIMD2(qxOld[c - 1], qyOld[c - stride]),
          ahead: SIMD2(qxOld[e], qyOld[s]),
          across: SIMD2(
            qyOld[c] + qyOld[c - stride] + qyOld[e] + qyOld[e - stride],
            qxOld[c] + qxOld[c - 1] + qxOld[s] + qxOld[s - 1]))
        qxNew[c] = q[0]
        qyNew[c] = q[1]
      } else {
        let zc = z[c]
        let hc = h[c]
        let nc = n[c]
        if east {
          qxNew[c] = update.flux(
            zL: zc, hL: hc, zR: z[e], hR: h[e], nL: nc, nR: n[e],
            q0: qxOld[c], back: qxOld[c - 1], ahead: qxOld[e],
            across: qyOld[c] + qyOld[c - stride] + qyOld[e] + qyOld[e - stride])
        }
        if south {
          qyNew[c] = update.flux(
            zL: zc, hL: hc, zR: z[s], hR: h[s], nL: nc, nR: n[s],
            q0: qyOld[c], back: qyOld[c - stride], ahead: qyOld[s],
            across: qxOld[c] + qxOld[c - 1] + qxOld[s] + qxOld[s - 1])
        }
      }
      let eastQ = qxNew[c]
      let westQ = qxNew[c - 1]
      let southQ = qyNew[c]
      let northQ = qyNew[c - stride]
      let out = (max(eastQ, 0) + max(-westQ, 0) + max(southQ, 0) + max(-northQ, 0)) * factor
      let available = h[c]
      if out > available {
        let scale = available / out
        if eastQ > 0 { qxNew[c] = eastQ * scale }
        if westQ < 0 { qxNew[c - 1] = westQ * scale }
        if southQ > 0 { qyNew[c] = southQ * scale }
        if northQ < 0 { qyNew[c - stride] = northQ * scale }
      }
    }
  }
}
