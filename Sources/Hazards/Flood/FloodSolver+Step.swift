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
  /// discharges around it (for the friction magnitude), `powerL` and
  /// `powerR` the cells' cached depth^(7/3). The form multiplies Bates's
  /// friction denominator through by h^(7/3), so one division is left; the
  /// power is the cached one when the flow depth is a cell's depth (always
  /// on a flat bed), so the cube root is off the face's critical path.
  @inline(__always) func flux(
    zL: Double, hL: Double, zR: Double, hR: Double, nL: Double, nR: Double,
    q0: Double, back: Double, ahead: Double, across: Double, powerL: Double, powerR: Double
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
    let power: Double  // h^(7/3)
    if flowDepth == hL {
      power = powerL
    } else if flowDepth == hR {
      power = powerR
    } else {
      power = floodFrictionPower(flowDepth)
    }
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
  /// SIMD lanes together: one square root and one division for both, which
  /// is where the scalar face loop stalled. Every operation is the scalar
  /// one in the same order (`max` and `min` as Swift's, which keep the first
  /// argument on ties). A flow depth that is neither cell's depth (common on
  /// an uneven bed, where (z + h) − z rounds away from h) has its power
  /// computed for both lanes in one paired cube root.
  @inline(__always) func fluxPair(
    zL: SIMD2<Double>, hL: SIMD2<Double>, zR: SIMD2<Double>, hR: SIMD2<Double>,
    nL: SIMD2<Double>, nR: SIMD2<Double>, q0: SIMD2<Double>, back: SIMD2<Double>,
    ahead: SIMD2<Double>, across: SIMD2<Double>, powerL: SIMD2<Double>, powerR: SIMD2<Double>
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
    var power = powerR
    power.replace(with: powerL, where: flowDepth .== hL)
    let own = (flowDepth .== hL) .| (flowDepth .== hR)
    let computed = flowing .& .!own
    if any(computed) {
      power.replace(with: floodFrictionPower(flowDepth), where: computed)
    }
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
    updateInteriorFaces(update)
    updateBoundaryFaces(update, at: time)
    limitOutflow(dt: dt)
    boundaryVolume += boundaryInflow() * dt * grid.cellSize
    let rained = applySources(from: time, to: end)
    cellUpdates += activeCount
    updateDepths(dt: dt, sweepAll: rained)
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

  /// New discharges on every face between two active cells.
  func updateInteriorFaces(_ update: FaceUpdate) {
    let stride = self.stride
    let z = bed
    let h = depth
    let n = roughness
    let qxOld = qxPrevious
    let qyOld = qyPrevious
    let qxNew = qx
    let qyNew = qy
    let power = frictionPower
    let stamp = self.stamp
    let generation = self.generation
    let list = active
    for index in 0..<activeCount {
      let c = Int(list[index])
      let e = c + 1
      let s = c + stride
      let east = stamp[e] == generation
      let south = stamp[s] == generation
      if east && south {
        let q = update.fluxPair(
          zL: SIMD2(repeating: z[c]), hL: SIMD2(repeating: h[c]), zR: SIMD2(z[e], z[s]),
          hR: SIMD2(h[e], h[s]), nL: SIMD2(repeating: n[c]), nR: SIMD2(n[e], n[s]),
          q0: SIMD2(qxOld[c], qyOld[c]), back: SIMD2(qxOld[c - 1], qyOld[c - stride]),
          ahead: SIMD2(qxOld[e], qyOld[s]),
          across: SIMD2(
            qyOld[c] + qyOld[c - stride] + qyOld[e] + qyOld[e - stride],
            qxOld[c] + qxOld[c - 1] + qxOld[s] + qxOld[s - 1]),
          powerL: SIMD2(repeating: power[c]), powerR: SIMD2(power[e], power[s]))
        qxNew[c] = q[0]
        qyNew[c] = q[1]
        continue
      }
      let zc = z[c]
      let hc = h[c]
      let nc = n[c]
      if east {
        qxNew[c] = update.flux(
          zL: zc, hL: hc, zR: z[e], hR: h[e], nL: nc, nR: n[e],
          q0: qxOld[c], back: qxOld[c - 1], ahead: qxOld[e],
          across: qyOld[c] + qyOld[c - stride] + qyOld[e] + qyOld[e - stride],
          powerL: power[c], powerR: power[e])
      }
      if south {
        qyNew[c] = update.flux(
          zL: zc, hL: hc, zR: z[s], hR: h[s], nL: nc, nR: n[s],
          q0: qyOld[c], back: qyOld[c - stride], ahead: qyOld[s],
          across: qxOld[c] + qxOld[c - 1] + qxOld[s] + qxOld[s - 1],
          powerL: power[c], powerR: power[s])
      }
    }
  }

  /// Scales each cell's outgoing discharges so it cannot lose more water
  /// than it holds.
  ///
  /// Each face is outgoing for one cell only, and a cell's test reads only
  /// its own outgoing faces, so the result does not depend on the order and
  /// the scaled fluxes stay conservative: depths never go negative and mass
  /// closes to round-off (hazards.md §1.3).
  func limitOutflow(dt: Double) {
    let stride = self.stride
    let h = depth
    let qx = self.qx
    let qy = self.qy
    let list = active
    let factor = dt / grid.cellSize
    for index in 0..<activeCount {
      let c = Int(list[index])
      let east = qx[c]
      let west = qx[c - 1]
      let south = qy[c]
      let north = qy[c - stride]
      let out = (max(east, 0) + max(-west, 0) + max(south, 0) + max(-north, 0)) * factor
      let available = h[c]
      if out > available {
        let scale = available / out
        if east > 0 { qx[c] = east * scale }
        if west < 0 { qx[c - 1] = west * scale }
        if south > 0 { qy[c] = south * scale }
        if north < 0 { qy[c - stride] = north * scale }
      }
    }
  }
}
