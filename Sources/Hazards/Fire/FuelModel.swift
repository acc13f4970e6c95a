import Foundation

/// One standard surface fuel model: the fuel-bed parameters Rothermel's
/// spread equations need, in the published English units.
///
/// Kept in the units of the source tables (ft, lb/ft², ft²/ft³, Btu/lb) so
/// every number can be checked against Anderson (1982) and Scott & Burgan
/// (2005) by eye; conversion to SI happens only on the fire-behaviour outputs.
/// The 10-h and 100-h surface-area-to-volume ratios are the fixed 109 and
/// 30 ft²/ft³ of both systems; particle density 32 lb/ft³, total mineral
/// content 0.0555 and effective mineral content 0.010 are the standard
/// constants (Rothermel 1972).
public struct FuelModel: Sendable, Equatable {
  /// Standard number: 1-13 Anderson, 91-99 non-burnable, 101-204 Scott & Burgan.
  public let number: Int
  /// Standard code: "FM1".."FM13", "NB1".., "GR1".."SB4".
  public let code: String
  /// Fuel-bed depth δ (ft).
  public let depth: Double
  /// Dead fuel moisture of extinction M_x (fraction).
  public let deadExtinctionMoisture: Double
  /// Low heat content h (Btu/lb), the same for every size class.
  public let heatContent: Double
  /// Oven-dry loads (lb/ft²): 1-h, 10-h, 100-h dead, live herbaceous, live woody.
  public let load1h: Double
  public let load10h: Double
  public let load100h: Double
  public let loadHerbaceous: Double
  public let loadWoody: Double
  /// Surface-area-to-volume ratios (ft²/ft³) of the 1-h, herbaceous and woody classes.
  public let sav1h: Double
  public let savHerbaceous: Double
  public let savWoody: Double

  /// 10-h dead SAV ratio (ft²/ft³), fixed in both systems.
  public static let sav10h = 109.0
  /// 100-h dead SAV ratio (ft²/ft³), fixed in both systems.
  public static let sav100h = 30.0
  /// Oven-dry particle density ρ_p (lb/ft³).
  public static let particleDensity = 32.0
  /// Total mineral content S_T (fraction).
  public static let totalMineralContent = 0.0555
  /// Effective (silica-free) mineral content S_e (fraction).
  public static let effectiveMineralContent = 0.010

  public init(
    number: Int, code: String, depth: Double, deadExtinctionMoisture: Double,
    heatContent: Double, load1h: Double, load10h: Double, load100h: Double,
    loadHerbaceous: Double, loadWoody: Double, sav1h: Double, savHerbaceous: Double,
    savWoody: Double
  ) {
    self.number = number
    self.code = code
    self.depth = depth
    self.deadExtinctionMoisture = deadExtinctionMoisture
    self.heatContent = heatContent
    self.load1h = load1h
    self.load10h = load10h
    self.load100h = load100h
    self.loadHerbaceous = loadHerbaceous
    self.loadWoody = loadWoody
    self.sav1h = sav1h
    self.savHerbaceous = savHerbaceous
    self.savWoody = savWoody
  }

  /// True unless this is a non-burnable model (NB, numbers 91-99) or has no fuel.
  public var isBurnable: Bool {
    !(91...99).contains(number) && depth > 0
      && load1h + load10h + load100h + loadHerbaceous + loadWoody > 0
  }

  /// True for Scott & Burgan dynamic models: live herbaceous load that cures
  /// into dead load as herbaceous moisture falls (Anderson 13 are static).
  public var isDynamic: Bool { number > 100 && loadHerbaceous > 0 }

  /// Unsheltered wind adjustment factor: midflame wind over 20-ft wind.
  ///
  /// Andrews (2012, RMRS-GTR-266) eq. for an unsheltered fuel bed of depth H
  /// ft, `1.83 / ln((20 + 0.36 H) / (0.13 H))`; the sheltered (canopy) form
  /// needs canopy cover and height, which the landscapes here do not carry.
  public var unshelteredWindAdjustment: Double {
    guard depth > 0 else { return 0 }
    return 1.83 / log((20 + 0.36 * depth) / (0.13 * depth))
  }
}
