import CFloodKernel

/// Cube root by bit estimate and two Halley iterations (relative error
/// below 1e-14 for the positive depths it is used on).
///
/// Four times faster than libm's `cbrt` here, and plain IEEE arithmetic,
/// so the friction term gives the same bits on every platform.
/// `CFloodKernel`'s loops compute the same bits (their vector lanes find
/// `bitPattern / 3` in double arithmetic, exactly).
@inline(__always) func floodCubeRoot(_ x: Double) -> Double {
  var y = Double(bitPattern: x.bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE)
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

  /// The same constants for the C loops (`CFloodKernel`), whose lanes
  /// compute `flux` with its bits.
  var kernelConstants: cfk_face_update {
    cfk_face_update(
      threshold: threshold, max_flow_depth: maxFlowDepth, gravity_step: gravityStep,
      inverse_cell_size: inverseCellSize, theta: theta, centred: centred ? 1 : 0,
      two_dimensional: twoDimensional ? 1 : 0)
  }
}
