/// The flood hazard rating to people of Defra and the Environment Agency.
///
/// HR = d x (v + 0.5) + DF (Ramsbottom et al. 2006, FD2321; FD2320/TR2):
/// d is the depth (m), v the speed (m/s) and DF a debris factor from the
/// land use, the depth and the speed. The debris factors are FD2321's
/// Table 3.1 as the Environment Agency and HR Wallingford restate it in
/// Table 1 of their "Supplementary note on flood hazard ratings and
/// thresholds for development planning and control purpose" (May 2008):
///
/// | depth                     | pasture/arable | woodland | urban |
/// |---------------------------|----------------|----------|-------|
/// | 0 to 0.25 m               | 0              | 0        | 0     |
/// | 0.25 to 0.75 m            | 0              | 0.5      | 1     |
/// | over 0.75 m and/or v > 2  | 0.5            | 1        | 1     |
///
/// A depth on a row's upper bound belongs to that row (0.25 m is in the
/// first, 0.75 m in the second), and a speed over 2 m/s selects the last
/// row at any depth. The note also gives a simpler, conservative rule for
/// planning maps (DF 0.5 up to 0.25 m, 1 deeper: FD2320/TR2 Table 13.1);
/// this type keeps the land-use table, which is what a drill on a known
/// township can use. The classes of the method are: below 0.75 low
/// ("caution"), 0.75 to 1.25 moderate ("danger for some": children, the
/// elderly, the infirm), 1.25 to 2.0 significant ("danger for most"),
/// above 2.0 extreme ("danger for all").
public struct FloodHazardRating: Sendable, Equatable {
  /// The land use that sets the debris factor (the columns of the table).
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

  /// The debris factor of the table: 0 up to 0.25 m; over 0.25 m up to
  /// 0.75 m 0, 0.5 or 1 (pasture, woodland, urban); over 0.75 m or faster
  /// than 2 m/s 0.5, 1 or 1.
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
