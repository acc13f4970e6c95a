import Foundation

/// A rainfall intensity-duration threshold for debris flows and shallow
/// landslides: I = a D^-b (I in mm/h, D in hours).
///
/// Rain of mean intensity I over an event of D hours can trigger slope
/// failures once I >= a D^-b. The defaults per slope class come from the
/// global thresholds of reference/hazards.md §9.1: Caine (1980), a = 14.82,
/// b = 0.39 (shallow landslides and debris flows worldwide; a conservative
/// high trigger) for moderate slopes, and Guzzetti et al. (2008), a = 2.20,
/// b = 0.44 (the global minimum: the lower bound of triggering rain) for
/// steep, susceptible ones. Regional thresholds (He, Wang & Liu 2020 for
/// China) are given by their own a and b.
public struct RainfallThreshold: Sendable, Equatable {
  /// I at D = 1 h (mm/h).
  public let a: Double
  /// The exponent b in D^-b.
  public let b: Double
  /// Shortest event the threshold is used for (h): below it a burst of
  /// rain is not an event (Guzzetti's range starts at 0.1 h).
  public let minimumHours: Double

  public init(a: Double, b: Double, minimumHours: Double = 0.1) throws {
    guard a > 0, a.isFinite, b > 0, b < 1 else {
      throw HazardsError("rainfall threshold", "needs a > 0 and 0 < b < 1 (got a = \(a), b = \(b))")
    }
    guard minimumHours > 0, minimumHours.isFinite else {
      throw HazardsError("rainfall threshold", "needs a positive minimum duration")
    }
    self.a = a
    self.b = b
    self.minimumHours = minimumHours
  }

  /// Caine (1980).
  public static let caine1980 = RainfallThreshold(unchecked: 14.82, 0.39)
  /// Guzzetti and others (2008): the global minimum.
  public static let guzzetti2008 = RainfallThreshold(unchecked: 2.20, 0.44)

  /// The threshold of a slope class: "moderate" (Caine 1980) or "steep"
  /// (Guzzetti 2008); nil for another name.
  public static func slopeClass(_ name: String) -> RainfallThreshold? {
    switch name {
    case "moderate": caine1980
    case "steep": guzzetti2008
    default: nil
    }
  }

  private init(unchecked a: Double, _ b: Double) {
    self.a = a
    self.b = b
    minimumHours = 0.1
  }

  /// The intensity (mm/h) that triggers over an event of `hours`.
  public func intensity(hours: Double) -> Double { a * pow(hours, -b) }

  /// The rain (mm) that triggers over an event of `hours`: I D = a D^(1-b).
  public func depth(hours: Double) -> Double { a * pow(hours, 1 - b) }
}
