/// Fuel moisture contents, as fractions of oven-dry weight, for the five
/// Rothermel size classes.
///
/// Dead moisture drives the damping of every model; live moisture matters
/// only for models with live load, and the herbaceous value also sets the
/// curing of Scott & Burgan dynamic models (see `SurfaceFuelBed`).
public struct FuelMoisture: Sendable, Equatable {
  /// 1-h dead fuel moisture (fraction).
  public var dead1h: Double
  /// 10-h dead fuel moisture (fraction).
  public var dead10h: Double
  /// 100-h dead fuel moisture (fraction).
  public var dead100h: Double
  /// Live herbaceous moisture (fraction).
  public var liveHerbaceous: Double
  /// Live woody moisture (fraction).
  public var liveWoody: Double

  public init(
    dead1h: Double, dead10h: Double, dead100h: Double, liveHerbaceous: Double,
    liveWoody: Double
  ) {
    self.dead1h = dead1h
    self.dead10h = dead10h
    self.dead100h = dead100h
    self.liveHerbaceous = liveHerbaceous
    self.liveWoody = liveWoody
  }

  /// A standard Scott & Burgan (2005) moisture scenario by name, or nil.
  ///
  /// Names are a dead code D1-D4 and a live code L1-L4 ("D2L2"), plus "A82",
  /// the moisture of Anderson's (1982) tables. Dead codes (1/10/100-h):
  /// D1 3/4/5 %, D2 6/7/8 %, D3 9/10/11 %, D4 12/13/14 %. Live codes
  /// (herbaceous/woody): L1 30/60 %, L2 60/90 %, L3 90/120 %, L4 120/150 %
  /// (Scott & Burgan 2005, RMRS-GTR-153, moisture scenarios). D2L2, D1L1 and
  /// A82 (8 % dead, 100 % live) are the ones the golden table uses, as listed
  /// in reference/hazards.md §5.4(c).
  public static func scenario(_ name: String) -> FuelMoisture? {
    if name == "A82" {
      return FuelMoisture(
        dead1h: 0.08, dead10h: 0.08, dead100h: 0.08, liveHerbaceous: 1.0, liveWoody: 1.0)
    }
    let chars = Array(name.uppercased())
    guard chars.count == 4, chars[0] == "D", chars[2] == "L",
      let dead = Int(String(chars[1])), let live = Int(String(chars[3])),
      (1...4).contains(dead), (1...4).contains(live)
    else { return nil }
    let deads = [(0.03, 0.04, 0.05), (0.06, 0.07, 0.08), (0.09, 0.10, 0.11), (0.12, 0.13, 0.14)]
    let lives = [(0.30, 0.60), (0.60, 0.90), (0.90, 1.20), (1.20, 1.50)]
    let (d1, d10, d100) = deads[dead - 1]
    let (herb, woody) = lives[live - 1]
    return FuelMoisture(
      dead1h: d1, dead10h: d10, dead100h: d100, liveHerbaceous: herb, liveWoody: woody)
  }
}
