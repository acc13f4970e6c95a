import Foundation

/// A fuel model at given moistures: the no-wind, no-slope Rothermel (1972)
/// fire behaviour with Albini's (1976) corrections, in the original units.
///
/// Splitting this from `SurfaceFire` lets a grid compute the expensive part
/// once per fuel model and moisture and then add wind and slope per cell.
/// Size classes are indexed 0-5: 1-h, 10-h, 100-h, dead herbaceous (the
/// cured part of a dynamic model), live herbaceous, live woody; 0-3 are the
/// dead category, 4-5 the live one.
public struct SurfaceFuelBed: Sendable, Equatable {
  /// The fuel model this bed was built from.
  public let model: FuelModel
  /// Characteristic surface-area-to-volume ratio σ' (ft²/ft³).
  public let characteristicSAV: Double
  /// Packing ratio β (dimensionless).
  public let packingRatio: Double
  /// Optimum packing ratio β_op (dimensionless).
  public let optimumPackingRatio: Double
  /// Reaction intensity I_R (Btu/ft²/min).
  public let reactionIntensity: Double
  /// No-wind, no-slope spread rate R0 (ft/min).
  public let baseSpreadRate: Double
  /// Flame residence time t_r = 384/σ' (min).
  public let residenceTime: Double
  /// Live-fuel moisture of extinction after Albini (1976) (fraction).
  public let liveExtinctionMoisture: Double
  /// Fraction of the herbaceous load that is cured (moved to dead); 0 for static models.
  public let curedFraction: Double
  /// Wind-factor coefficients B, C, E of φ_w = C U^B (β/β_op)^-E.
  let windB: Double
  let windC: Double
  let windE: Double

  /// Builds the bed and its no-wind behaviour for the given moistures.
  public init(model: FuelModel, moisture: FuelMoisture) {
    self.model = model
    guard model.isBurnable else {
      (characteristicSAV, packingRatio, optimumPackingRatio) = (0, 0, 1)
      (reactionIntensity, baseSpreadRate, residenceTime) = (0, 0, 0)
      (liveExtinctionMoisture, curedFraction) = (model.deadExtinctionMoisture, 0)
      (windB, windC, windE) = (1, 0, 0)
      return
    }
    // Dynamic curing (Scott & Burgan 2005): the cured fraction of the
    // herbaceous load moves to a dead-herbaceous class that keeps the
    // herbaceous SAV and takes the 1-h dead moisture.
    let green = model.isDynamic ? min(1, max(0, moisture.liveHerbaceous / 0.9 - 1.0 / 3.0)) : 1
    curedFraction = model.isDynamic ? 1 - green : 0
    let load = [
      model.load1h, model.load10h, model.load100h, model.loadHerbaceous * curedFraction,
      model.loadHerbaceous * green, model.loadWoody,
    ]
    let sav = [
      model.sav1h, FuelModel.sav10h, FuelModel.sav100h, model.savHerbaceous,
      model.savHerbaceous, model.savWoody,
    ]
    let mf = [
      moisture.dead1h, moisture.dead10h, moisture.dead100h, moisture.dead1h,
      moisture.liveHerbaceous, moisture.liveWoody,
    ]
    let rhoP = FuelModel.particleDensity
    let dead = 0..<4
    let live = 4..<6

    // Weights by surface area: f_ij within a category, f_i between them.
    let area = (0..<6).map { sav[$0] * load[$0] / rhoP }
    let areaDead = dead.reduce(0) { $0 + area[$1] }
    let areaLive = live.reduce(0) { $0 + area[$1] }
    let fij = (0..<6).map { k -> Double in
      let total = k < 4 ? areaDead : areaLive
      return total > 0 ? area[k] / total : 0
    }
    let fi = [areaDead / (areaDead + areaLive), areaLive / (areaDead + areaLive)]

    // Net-load weights g_ij: f_ij summed over the classes of the same
    // category that fall in the same FIREMOD size subclass (Albini 1976).
    let subclass = sav.map(Self.firemodSubclass)
    let gij = (0..<6).map { k -> Double in
      let range = k < 4 ? dead : live
      return range.reduce(0) { $0 + (subclass[$1] == subclass[k] ? fij[$1] : 0) }
    }

    // Live moisture of extinction (Rothermel 1972 eq. 88, Albini 1976 App. III).
    let fine = (0..<6).map { k -> Double in
      guard sav[k] > 0 else { return 0 }
      return load[k] * exp((k < 4 ? -138 : -500) / sav[k])
    }
    let fineDead = dead.reduce(0) { $0 + fine[$1] }
    let fineLive = live.reduce(0) { $0 + fine[$1] }
    let fineDeadMoisture = fineDead > 0 ? dead.reduce(0) { $0 + mf[$1] * fine[$1] } / fineDead : 0
    let mxDead = model.deadExtinctionMoisture
    liveExtinctionMoisture =
      fineLive > 0
      ? max(mxDead, 2.9 * (fineDead / fineLive) * (1 - fineDeadMoisture / mxDead) - 0.226)
      : mxDead
    let mx = [mxDead, mxDead, mxDead, mxDead, liveExtinctionMoisture, liveExtinctionMoisture]

    // Fuel-bed structure.
    let sigma = (0..<6).reduce(0) { $0 + fi[$1 < 4 ? 0 : 1] * fij[$1] * sav[$1] }
    let totalLoad = load.reduce(0, +)
    let beta = totalLoad / rhoP / model.depth
    let betaOp = 3.348 * pow(sigma, -0.8189)
    let bulkDensity = totalLoad / model.depth
    characteristicSAV = sigma
    packingRatio = beta
    optimumPackingRatio = betaOp

    // Reaction intensity: optimum reaction velocity times the damped net heat.
    let exponentA = 133 * pow(sigma, -0.7913)
    let sigma15 = pow(sigma, 1.5)
    let gammaMax = sigma15 / (495 + 0.0594 * sigma15)
    let ratio = beta / betaOp
    let gamma = gammaMax * pow(ratio, exponentA) * exp(exponentA * (1 - ratio))
    let etaS = 0.174 * pow(FuelModel.effectiveMineralContent, -0.19)
    var heat = 0.0
    for range in [dead, live] {
      let mfi = range.reduce(0) { $0 + fij[$1] * mf[$1] }
      let mxi = range.reduce(0) { $0 + fij[$1] * mx[$1] }
      let r = mxi > 0 ? min(1, mfi / mxi) : 1
      // The polynomial is 0 at r = 1 only up to round-off; make extinction exact.
      let etaM = r >= 1 ? 0 : max(0, 1 - 2.59 * r + 5.11 * r * r - 3.52 * r * r * r)
      let hi = range.reduce(0) { $0 + fij[$1] * model.heatContent }
      let wn = range.reduce(0) { $0 + gij[$1] * load[$1] * (1 - FuelModel.totalMineralContent) }
      heat += wn * hi * etaM * etaS
    }
    reactionIntensity = gamma * heat

    // Spread: heat source over heat sink.
    let xi = exp((0.792 + 0.681 * sigma.squareRoot()) * (beta + 0.1)) / (192 + 0.2595 * sigma)
    var preignition = 0.0
    for k in 0..<6 where sav[k] > 0 {
      preignition += fi[k < 4 ? 0 : 1] * fij[k] * exp(-138 / sav[k]) * (250 + 1116 * mf[k])
    }
    let sink = bulkDensity * preignition
    baseSpreadRate = sink > 0 ? reactionIntensity * xi / sink : 0
    residenceTime = 384 / sigma
    windB = 0.02526 * pow(sigma, 0.54)
    windC = 7.47 * exp(-0.133 * pow(sigma, 0.55))
    windE = 0.715 * exp(-3.59e-4 * sigma)
  }

  /// Wind factor φ_w for a midflame (or effective) wind speed in ft/min.
  public func windFactor(feetPerMinute u: Double) -> Double {
    guard packingRatio > 0, u > 0 else { return 0 }
    return windC * pow(u, windB) * pow(packingRatio / optimumPackingRatio, -windE)
  }

  /// Slope factor φ_s = 5.275 β^-0.3 tan²φ for a slope given as rise/run.
  public func slopeFactor(slope: Double) -> Double {
    guard packingRatio > 0 else { return 0 }
    return 5.275 * pow(packingRatio, -0.3) * slope * slope
  }

  /// The wind speed (ft/min) whose wind factor is φ: the inverse of `windFactor`.
  public func effectiveWindSpeed(windFactor phi: Double) -> Double {
    guard phi > 0, windC > 0 else { return 0 }
    return pow(phi * pow(packingRatio / optimumPackingRatio, windE) / windC, 1 / windB)
  }

  /// FIREMOD size subclass of a SAV ratio, 1 (finest) to 6 (coarsest).
  ///
  /// Albini (1976, p. 20): ≥ 1200, ≥ 192, ≥ 96, ≥ 48, ≥ 16 ft²/ft³, and below.
  static func firemodSubclass(_ sav: Double) -> Int {
    switch sav {
    case 1200...: 1
    case 192..<1200: 2
    case 96..<192: 3
    case 48..<96: 4
    case 16..<48: 5
    default: 6
    }
  }
}
