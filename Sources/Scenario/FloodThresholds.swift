import Hazards

/// When flood water closes a link or makes a place wet: the coupling rules
/// of DESIGN.md §4, each a number the scenario may change
/// (`sim.flood.thresholds`).
///
/// Cars: a link closes above 0.3 m of water or 0.3 m2/s of depth x speed
/// (a car floats or is pushed off the road in shallower water when it
/// flows). Walkers: above 0.5 m, and, when a hazard-rating class is given,
/// above that Defra/EA hazard rating (`FloodHazardRating`), which counts
/// the speed and floating debris that topple people in shallower water.
/// Places: a zone is wet when water at its node is deeper than
/// `zoneDepth`; a shelter is flooded above `shelterDepth`; a substation
/// or base station fails above `facilityDepth`. People still at home are
/// trapped above `trappedDepth`.
public struct FloodThresholds: Sendable, Equatable {
  public var carDepth = 0.3
  public var carDischarge = 0.3
  public var walkDepth = 0.5
  /// Walkers' limit on the hazard rating, or nil to use depth alone.
  public var walkHazardRating: Double?
  public var hazardRating = FloodHazardRating()
  /// Ankle-deep water at a village's node: ground floors take water soon.
  public var zoneDepth = 0.1
  /// Water over a shelter's threshold and into its hall.
  public var shelterDepth = 0.3
  /// Switchgear and base-station cabinets sit about this high.
  public var facilityDepth = 0.3
  /// Water at home deeper than this traps a household that has not left
  /// (`TrappedWatch`): the walkers' limit for children and the elderly.
  public var trappedDepth = 0.5

  public init() {}

  /// The modes closed on a link whose worst cell has `depth` (m),
  /// `discharge` (depth x speed, m2/s) and hazard `rating`.
  public func closure(depth: Double, discharge: Double, rating: Double) -> LiveMap.HazardClosure {
    LiveMap.HazardClosure(
      driving: depth > carDepth || discharge > carDischarge,
      walking: depth > walkDepth || walkHazardRating.map { rating > $0 } == true)
  }
}
