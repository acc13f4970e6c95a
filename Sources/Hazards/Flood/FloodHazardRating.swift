/// The flood hazard rating to people of Defra and the Environment Agency.
///
/// HR = d x (v + 0.5) + DF (Ramsbottom et al. 2006, FD2321/TR2; FD2320):
/// d is the depth (m), v the speed (m/s) and DF a debris factor from the
/// land use and the depth. The classes of the method are: below 0.75 low
/// ("caution"), 0.75 to 1.25 moderate ("danger for some": children, the
/// elderly, the infirm), 1.25 to 2.0 significant ("danger for most"),
/// above 2.0 extreme ("danger for all").
public struct FloodHazardRating: Sendable, Equatable {
  /// The land use that sets the debris factor (FD2321 table 3.1).
  public enum LandUse: String, Sendable, CaseIterable {
    case pasture
    case woodland
    case urban
  }

  /// Lower bounds of the moderate, significant and extreme classes.
  public static let classes: [(name: String, from: Double)] = [
    ("moderate", 0.75), ("significant", 1.25), ("extreme", 2.0),
  ]

  public var landUse: LandUse

  public init(landUse: LandUse = .urban) { self.landUse = landUse }

  /// The debris factor: 0 up to 0.25 m; from 0.25 to 0.75 m 0, 0.5 or 1
  /// (pasture, woodland, urban); deeper than 0.75 m or faster than 2 m/s
  /// 0.5, 1 or 1.
  public func debrisFactor(depth: Double, speed: Double) -> Double {
    if depth > 0.75 || speed > 2 {
      return landUse == .pasture ? 0.5 : 1
    }
    guard depth > 0.25 else { return 0 }
    switch landUse {
    case .pasture: return 0
    case .woodland: return 0.5
    case .urban: return 1
    }
  }

  /// HR for water `depth` metres deep flowing at `speed` m/s (0 when dry).
  public func rating(depth: Double, speed: Double) -> Double {
    guard depth > 0 else { return 0 }
    return depth * (speed + 0.5) + debrisFactor(depth: depth, speed: speed)
  }
}
