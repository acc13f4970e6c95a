import Foundation

/// Head-fire behaviour of a surface fire under wind and slope, in SI units,
/// and its elliptical spread rate in any direction.
///
/// Wind and slope factors are combined as horizontal vectors (φ_w along the
/// wind, φ_s upslope; Rothermel 1972, as in BehavePlus for wind not aligned
/// with the slope), the head rate is R0 (1 + |φ_E|), and the ellipse comes
/// from the effective wind speed whose wind factor equals |φ_E|
/// (hazards.md §5.2-5.3). pyretechnics instead projects wind onto the slope
/// plane; the two agree on flat ground and on slope without wind, which is
/// what the golden table covers.
public struct SurfaceFire: Sendable, Equatable {
  /// Length-to-breadth ratio model of the fire ellipse.
  public enum LengthToBreadthModel: Sendable, Equatable {
    /// Anderson (1983) in the BehavePlus form:
    /// `min(8, 0.936 e^{0.1147 U} + 0.461 e^{-0.0692 U} - 0.397)`, U in mi/h.
    /// The golden table uses this one.
    case anderson1983
    /// Rothermel (1991): `1 + 0.25 U`, U in mi/h.
    case rothermel1991
  }

  /// No-wind, no-slope spread rate R0 (m/min).
  public let baseSpreadRate: Double
  /// Head (maximum) spread rate R (m/min).
  public let headSpreadRate: Double
  /// Direction of maximum spread, degrees clockwise from north.
  public let headAzimuth: Double
  /// Reaction intensity I_R (kW/m²).
  public let reactionIntensity: Double
  /// Byram fireline intensity at the head (kW/m).
  public let firelineIntensity: Double
  /// Byram flame length at the head, 0.45 I_B^0.46 ft with I_B in Btu/ft/s (m).
  public let flameLength: Double
  /// Effective midflame wind speed after the limit, if any (m/min).
  public let effectiveWindSpeed: Double
  /// True when the Rothermel wind limit capped the effective wind.
  public let isWindLimited: Bool
  /// Length-to-breadth ratio of the fire ellipse (≥ 1).
  public let lengthToBreadth: Double
  /// Eccentricity of the fire ellipse, √(LW² − 1)/LW.
  public let eccentricity: Double

  /// Head-fire behaviour of `bed` under the given wind and terrain.
  ///
  /// - Parameters:
  ///   - bed: the fuel bed at its moistures.
  ///   - midflameWind: midflame wind speed (m/min).
  ///   - windToward: azimuth the wind blows toward (degrees from north).
  ///   - slope: rise over run (tan of the slope angle).
  ///   - upslopeAzimuth: azimuth that points uphill (aspect + 180°).
  ///   - windLimit: apply Rothermel's (1972) limit U_eff ≤ 0.9 I_R.
  ///   - lengthToBreadthModel: the L/W relation.
  public init(
    bed: SurfaceFuelBed, midflameWind: Double = 0, windToward: Double = 0, slope: Double = 0,
    upslopeAzimuth: Double = 0, windLimit: Bool = true,
    lengthToBreadthModel: LengthToBreadthModel = .anderson1983
  ) {
    let ftPerM = 1 / FireUnits.metresPerFoot
    let phiW = bed.windFactor(feetPerMinute: midflameWind * ftPerM)
    let phiS = bed.slopeFactor(slope: slope)
    let windRad = windToward * .pi / 180
    let slopeRad = upslopeAzimuth * .pi / 180
    let x = phiW * sin(windRad) + phiS * sin(slopeRad)
    let y = phiW * cos(windRad) + phiS * cos(slopeRad)
    var phiE = (x * x + y * y).squareRoot()
    var uEff = bed.effectiveWindSpeed(windFactor: phiE)  // ft/min
    let uMax = 0.9 * bed.reactionIntensity  // ft/min, I_R in Btu/ft²/min
    isWindLimited = windLimit && uEff > uMax
    if isWindLimited {
      uEff = uMax
      phiE = bed.windFactor(feetPerMinute: uMax)
    }
    let r0 = bed.baseSpreadRate
    let r = r0 * (1 + phiE)
    let ib = bed.reactionIntensity * r * bed.residenceTime / 60  // Btu/ft/s
    baseSpreadRate = r0 * FireUnits.metresPerFoot
    headSpreadRate = r * FireUnits.metresPerFoot
    var azimuth = phiE > 0 ? atan2(x, y) * 180 / .pi : 0
    if azimuth < 0 { azimuth += 360 }
    headAzimuth = azimuth
    reactionIntensity = FireUnits.kilowattsPerSquareMetre(
      btuPerSquareFootMinute: bed.reactionIntensity)
    firelineIntensity = FireUnits.kilowattsPerMetre(btuPerFootSecond: ib)
    flameLength = ib > 0 ? 0.45 * pow(ib, 0.46) * FireUnits.metresPerFoot : 0
    effectiveWindSpeed = uEff * FireUnits.metresPerFoot
    let mph = uEff / FireUnits.feetPerMinutePerMph
    let lw = Self.lengthToBreadth(effectiveWindMph: mph, model: lengthToBreadthModel)
    lengthToBreadth = lw
    eccentricity = (lw * lw - 1).squareRoot() / lw
  }

  /// Convenience: builds the fuel bed from a model and moistures first.
  public init(
    model: FuelModel, moisture: FuelMoisture, midflameWind: Double = 0, windToward: Double = 0,
    slope: Double = 0, upslopeAzimuth: Double = 0, windLimit: Bool = true,
    lengthToBreadthModel: LengthToBreadthModel = .anderson1983
  ) {
    self.init(
      bed: SurfaceFuelBed(model: model, moisture: moisture), midflameWind: midflameWind,
      windToward: windToward, slope: slope, upslopeAzimuth: upslopeAzimuth,
      windLimit: windLimit, lengthToBreadthModel: lengthToBreadthModel)
  }

  /// Length-to-breadth ratio for an effective midflame wind in mi/h (≥ 1).
  public static func lengthToBreadth(effectiveWindMph u: Double, model: LengthToBreadthModel)
    -> Double
  {
    guard u > 0 else { return 1 }
    switch model {
    case .anderson1983:
      return max(1, min(8, 0.936 * exp(0.1147 * u) + 0.461 * exp(-0.0692 * u) - 0.397))
    case .rothermel1991:
      return 1 + 0.25 * u
    }
  }

  /// Backing spread rate R (1 − e)/(1 + e) (m/min).
  public var backingSpreadRate: Double {
    headSpreadRate * (1 - eccentricity) / (1 + eccentricity)
  }

  /// Flanking spread rate (R + R_b)/(2 LW) (m/min): the semi-minor axis growth.
  public var flankingSpreadRate: Double {
    (headSpreadRate + backingSpreadRate) / (2 * lengthToBreadth)
  }

  /// Spread rate (m/min) from the ignition point toward `azimuth`: the
  /// ellipse seen from its rear focus, R (1 − e)/(1 − e cos θ), θ off the head.
  public func spreadRate(towardAzimuth azimuth: Double) -> Double {
    let theta = (azimuth - headAzimuth) * .pi / 180
    return headSpreadRate * (1 - eccentricity) / (1 - eccentricity * cos(theta))
  }
}
