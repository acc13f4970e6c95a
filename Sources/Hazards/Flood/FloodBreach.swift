/// A levee or dam breach: the water behind it, the opening as it grows,
/// and the weir flow through it onto one grid cell.
///
/// The water behind is either a level-pool reservoir outside the grid (its
/// level falls as water leaves; an inflow hydrograph may feed it) or a
/// river whose stage is given over time (a reach too large to drain). From
/// `start` the opening grows linearly over `formationTime`: its width from
/// 0 to `finalWidth` and its invert from `crest` down to `bottom`, the
/// linear progression of HEC-RAS and DAMBRK. The flow is the broad-crested
/// weir `Q = Cd b(t) sqrt(g) H^1.5`, with `H` the upstream level above the
/// higher of the invert and the floodplain water level at the breach cell:
/// water stops when the levels meet and never flows back. `Cd` defaults to
/// `(2/3)^1.5 ≈ 0.544`, critical flow over a broad crest, which is Fread's
/// DAMBRK/BREACH coefficient 1.7 (SI) divided by sqrt(g). The trapezoid's
/// side slopes are left out: `finalWidth` is Froehlich's average width.
public final class FloodBreach {
  /// Where the breach's water comes from.
  public enum Water: Sendable {
    /// A level-pool reservoir.
    case reservoir(FloodReservoir)
    /// A river with its stage (m) over solver time.
    case river(stage: FloodSeries)
  }

  /// Critical-flow broad-crested weir coefficient, `(2/3)^1.5`.
  public static let criticalWeirCoefficient = 0.544_331_053_951_817_3

  /// Map point of the breach; its cell takes the outflow.
  public let x: Double
  public let y: Double
  /// Solver time (s) the breach starts to open.
  public let start: Double
  /// Embankment crest (m): the invert when the breach starts.
  public let crest: Double
  /// Final breach invert (m).
  public let bottom: Double
  /// Final (average) width (m).
  public let finalWidth: Double
  /// Time from start to full size (s); 0 opens it at once.
  public let formationTime: Double
  /// `Cd` in `Q = Cd b sqrt(g) H^1.5`.
  public let weirCoefficient: Double
  /// Gravity (m/s2), the solver's.
  public let gravity: Double
  /// The reservoir as it stands, or nil for a river breach.
  public internal(set) var reservoir: FloodReservoir?
  /// The river stage, or nil for a reservoir breach.
  public let riverStage: FloodSeries?
  /// Volume that has left through the breach onto the grid (m3).
  public internal(set) var released = 0.0
  /// Mean discharge over the solver's last step (m3/s).
  public internal(set) var lastOutflow = 0.0
  /// Padded index of the cell taking the flow (set by the solver).
  var cell = 0

  /// A breach at (x, y) opening at `start` (s) over `formationTime` to
  /// `finalWidth`, its invert falling from `crest` to `bottom`.
  public init(
    x: Double, y: Double, start: Double, water: Water, crest: Double, bottom: Double,
    finalWidth: Double, formationTime: Double,
    weirCoefficient: Double = FloodBreach.criticalWeirCoefficient, gravity: Double = 9.80655
  ) throws {
    guard x.isFinite, y.isFinite, start.isFinite, crest.isFinite, bottom.isFinite else {
      throw HazardsError("breach", "position, start, crest and bottom must be finite")
    }
    guard bottom <= crest else {
      throw HazardsError("breach", "bottom \(bottom) m must not be above the crest \(crest) m")
    }
    guard finalWidth > 0, finalWidth.isFinite else {
      throw HazardsError("breach", "width must be > 0 m, got \(finalWidth)")
    }
    guard formationTime >= 0, formationTime.isFinite else {
      throw HazardsError("breach", "formation time must be >= 0 s, got \(formationTime)")
    }
    guard weirCoefficient > 0, weirCoefficient.isFinite, gravity > 0 else {
      throw HazardsError("breach", "weir coefficient and gravity must be > 0")
    }
    self.x = x
    self.y = y
    self.start = start
    self.crest = crest
    self.bottom = bottom
    self.finalWidth = finalWidth
    self.formationTime = formationTime
    self.weirCoefficient = weirCoefficient
    self.gravity = gravity
    switch water {
    case .reservoir(let pool):
      reservoir = pool
      riverStage = nil
    case .river(let stage):
      reservoir = nil
      riverStage = stage
    }
  }

  /// The share of the breach formed at time `t`: 0 before the start,
  /// rising linearly to 1 at `start + formationTime`.
  public func progress(at t: Double) -> Double {
    if t < start { return 0 }
    if formationTime <= 0 { return 1 }
    return min(1, (t - start) / formationTime)
  }

  /// Breach width (m) at time `t`.
  public func width(at t: Double) -> Double { finalWidth * progress(at: t) }

  /// Breach invert (m) at time `t`: the crest until the start, the bottom
  /// once formed.
  public func invert(at t: Double) -> Double {
    crest - (crest - bottom) * progress(at: t)
  }

  /// The water level behind the breach (m) at time `t`: the reservoir's
  /// current level (whatever `t`), or the river stage at `t`.
  public func upstreamLevel(at t: Double) -> Double {
    if let riverStage { return riverStage.value(at: t) }
    return reservoir?.level ?? bottom
  }

  /// Weir discharge (m3/s) at time `t` with the upstream level `upstream`
  /// and the floodplain water level `tailwater` at the breach cell.
  public func discharge(at t: Double, upstream: Double, tailwater: Double) -> Double {
    let b = width(at: t)
    let head = upstream - max(invert(at: t), tailwater)
    guard b > 0, head > 0 else { return 0 }
    return weirCoefficient * b * gravity.squareRoot() * head * head.squareRoot()
  }
}
