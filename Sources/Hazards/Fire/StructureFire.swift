/// A compartment fire for incident generation: t-squared growth, flashover
/// and the ventilation limit (hazards.md §8).
///
/// Closed-form on purpose: the discrete-event loop needs the time to
/// flashover and the heat release at the moment water arrives, not a
/// time-stepped zone model. Heat release rates are in kW, times in seconds,
/// areas in m², heights in m.
public struct StructureFire: Sendable, Equatable {
  /// t-squared growth class, defined by the time to reach 1055 kW (NFPA 72/92/204).
  public enum GrowthClass: Sendable, Equatable, CaseIterable {
    case slow
    case medium
    case fast
    case ultraFast

    /// Time to reach 1055 kW (1000 Btu/s), seconds.
    public var growthTime: Double {
      switch self {
      case .slow: 600
      case .medium: 300
      case .fast: 150
      case .ultraFast: 75
      }
    }

    /// Growth coefficient α = 1055 / t_g² (kW/s²).
    public var alpha: Double { 1055 / (growthTime * growthTime) }
  }

  /// Flashover heat-release correlation.
  public enum FlashoverCorrelation: Sendable, Equatable {
    /// Babrauskas: 750 A_o √H_o.
    case babrauskas
    /// Thomas: 7.8 A_T + 378 A_o √H_o.
    case thomas
    /// McCaffrey, Quintiere & Harkleroad: 610 √(h_k A_T A_o √H_o), h_k in kW/m²K.
    case mqh(wallConductance: Double)
  }

  public let growth: GrowthClass
  /// Opening (door/window) area A_o (m²).
  public let openingArea: Double
  /// Opening height H_o (m).
  public let openingHeight: Double
  /// Internal surface area of the compartment minus openings, A_T (m²).
  public let internalArea: Double
  /// Time of ignition (s).
  public let ignitionTime: Double

  public init(
    growth: GrowthClass, openingArea: Double, openingHeight: Double, internalArea: Double,
    ignitionTime: Double = 0
  ) {
    self.growth = growth
    self.openingArea = openingArea
    self.openingHeight = openingHeight
    self.internalArea = internalArea
    self.ignitionTime = ignitionTime
  }

  /// A box room of length × width × height with one rectangular opening;
  /// A_T is the six surfaces minus the opening.
  public init(
    growth: GrowthClass, roomLength: Double, roomWidth: Double, roomHeight: Double,
    openingWidth: Double, openingHeight: Double, ignitionTime: Double = 0
  ) {
    let opening = openingWidth * openingHeight
    let surfaces =
      2 * (roomLength * roomWidth + roomLength * roomHeight + roomWidth * roomHeight)
    self.init(
      growth: growth, openingArea: opening, openingHeight: openingHeight,
      internalArea: surfaces - opening, ignitionTime: ignitionTime)
  }

  /// Ventilation factor A_o √H_o (m^2.5).
  public var ventilationFactor: Double { openingArea * openingHeight.squareRoot() }

  /// Ventilation-limited maximum heat release, 1500 A_o √H_o kW (Kawagoe air
  /// inflow 0.5 A_o √H_o kg/s times 3000 kJ per kg of air).
  public var ventilationLimit: Double { 1500 * ventilationFactor }

  /// Heat release rate needed for flashover (kW).
  public func flashoverHeatRelease(_ correlation: FlashoverCorrelation) -> Double {
    switch correlation {
    case .babrauskas:
      return 750 * ventilationFactor
    case .thomas:
      return 7.8 * internalArea + 378 * ventilationFactor
    case .mqh(let hk):
      return 610 * (hk * internalArea * ventilationFactor).squareRoot()
    }
  }

  /// Absolute time of flashover, ignition + √(Q_fo/α); nil when the
  /// ventilation limit stops the fire short of the flashover heat release.
  public func flashoverTime(_ correlation: FlashoverCorrelation) -> Double? {
    let needed = flashoverHeatRelease(correlation)
    guard needed <= ventilationLimit else { return nil }
    return ignitionTime + (needed / growth.alpha).squareRoot()
  }

  /// Heat release rate (kW) at absolute time t: α (t − t_0)², capped by the
  /// ventilation limit; 0 before ignition.
  public func heatRelease(at time: Double) -> Double {
    guard time > ignitionTime else { return 0 }
    let elapsed = time - ignitionTime
    return min(growth.alpha * elapsed * elapsed, ventilationLimit)
  }
}
