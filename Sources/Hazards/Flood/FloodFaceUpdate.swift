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

/// `floodCubeRoot` of four values at once, with the same bits per lane.
@inline(__always) func floodCubeRoot(_ x: SIMD4<Double>) -> SIMD4<Double> {
  var y = SIMD4(
    Double(bitPattern: x[0].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE),
    Double(bitPattern: x[1].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE),
    Double(bitPattern: x[2].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE),
    Double(bitPattern: x[3].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE))
  var cube = y * y * y
  y = y * (cube + x + x) / (cube + cube + x)
  cube = y * y * y
  return y * (cube + x + x) / (cube + cube + x)
}

/// `h^(7/3)` for Manning friction, as `h^2 cbrt(h)`.
///
/// One function for the cell faces and the edge faces, so both give the
/// same bits.
@inline(__always) func floodFrictionPower(_ h: Double) -> Double {
  h * h * floodCubeRoot(h)
}

/// `floodFrictionPower` of four depths at once, with the same bits per lane.
@inline(__always) func floodFrictionPower(_ h: SIMD4<Double>) -> SIMD4<Double> {
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

  /// `flux` of four neighbouring faces at once, with its bits per lane;
  /// `n` is each face's Manning coefficient, `0.5 * (nL + nR)` computed once.
  ///
  /// The face loops walk a row's faces four at a time: contiguous loads,
  /// and four independent cube roots and divisions in flight where one
  /// face's chain of dependent divisions would leave the units idle. Every
  /// operation is the scalar one in the same order (`max` and `min` give
  /// Swift's results, including which zero on ties), so a face gets the
  /// same bits whichever loop computes it.
  ///
  /// The friction power h^(7/3) is computed for every lane, without a
  /// branch: a lane that does not flow takes the cube root of 1 instead of
  /// its (possibly zero or negative) flow depth, and its result is dropped.
  @inline(__always) func fluxes(
    zL: SIMD4<Double>, hL: SIMD4<Double>, zR: SIMD4<Double>, hR: SIMD4<Double>,
    n: SIMD4<Double>, q0: SIMD4<Double>, back: SIMD4<Double>,
    ahead: SIMD4<Double>, across: SIMD4<Double>
  ) -> SIMD4<Double> {
    let etaL = zL + hL
    let etaR = zR + hR
    // max(etaL, etaR) as `etaL > etaR ? etaL : etaR`: Swift's max on
    // numbers (ties give etaR, which equals etaL but for the sign of a
    // zero, where both forms give etaR), in the form SSE's maxpd computes.
    var highEta = etaR
    highEta.replace(with: etaL, where: etaL .> etaR)
    var highBed = zR
    highBed.replace(with: zL, where: zL .> zR)
    var flowDepth = highEta - highBed
    let flowing = flowDepth .> threshold
    flowDepth.replace(with: maxFlowDepth, where: SIMD4(repeating: maxFlowDepth) .< flowDepth)
    let magnitude: SIMD4<Double>
    if twoDimensional {
      let perpendicular = 0.25 * across
      magnitude = (q0 * q0 + perpendicular * perpendicular).squareRoot()
    } else {
      magnitude = SIMD4(abs(q0[0]), abs(q0[1]), abs(q0[2]), abs(q0[3]))
    }
    var rootable = SIMD4<Double>(repeating: 1)
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
