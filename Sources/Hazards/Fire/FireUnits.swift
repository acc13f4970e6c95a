/// Unit conversions between the English units of the fire-behaviour
/// literature and the SI units the rest of drillsim uses.
///
/// Rothermel (1972), Albini (1976) and the fuel-model tables are all in feet,
/// pounds and Btu; the equations are evaluated in those units and converted
/// at the edge with the exact definitions below (international foot and
/// mile, International Table Btu). The golden table was produced with
/// slightly rounded factors (1 m = 3.281 ft, 1 Btu/ft/s = 3.46165186 kW/m),
/// which accounts for a ~5e-5 relative difference; see the golden test.
public enum FireUnits {
  /// Metres in one international foot (exact).
  public static let metresPerFoot = 0.3048
  /// Metres in one statute mile (exact).
  public static let metresPerMile = 1609.344
  /// Metres in one Gunter's chain of 66 ft (exact).
  public static let metresPerChain = 20.1168
  /// Kilojoules in one International Table Btu (exact).
  public static let kilojoulesPerBtu = 1.055_055_852_62
  /// Feet per minute in one mile per hour (exact: 5280 / 60).
  public static let feetPerMinutePerMph = 88.0

  /// Metres per minute from miles per hour.
  public static func metresPerMinute(mph: Double) -> Double { mph * metresPerMile / 60 }

  /// Miles per hour from metres per minute.
  public static func mph(metresPerMinute: Double) -> Double { metresPerMinute * 60 / metresPerMile }

  /// Chains per hour from metres per minute.
  public static func chainsPerHour(metresPerMinute: Double) -> Double {
    metresPerMinute * 60 / metresPerChain
  }

  /// kW/m from Btu/ft/s (Byram fireline intensity).
  public static func kilowattsPerMetre(btuPerFootSecond: Double) -> Double {
    btuPerFootSecond * kilojoulesPerBtu / metresPerFoot
  }

  /// kW/m² from Btu/ft²/min (reaction intensity).
  public static func kilowattsPerSquareMetre(btuPerSquareFootMinute: Double) -> Double {
    btuPerSquareFootMinute * kilojoulesPerBtu / (metresPerFoot * metresPerFoot) / 60
  }
}
