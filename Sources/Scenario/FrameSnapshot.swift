import SimKernel

/// The aggregated state of a run at one instant, for replays and reports.
///
/// Every section is optional: a model that exists in a run fills its own
/// section through `FrameSource`, and a section nobody filled stays nil,
/// so a viewer can tell "no evacuation in this run" from "nobody moving".
/// Lists are in map order (links, zones, grids) or sorted by id, never in
/// hash order, so the same run writes the same frames.
public struct FrameSnapshot: Sendable, Equatable {
  /// Sim time of the snapshot.
  public var time: SimTime
  /// Closed links (script or hazard), by link index, ascending.
  public var closures: [LinkClosure]?
  /// Links carrying someone, by link index, ascending.
  public var loads: [LinkLoad]?
  /// Persons per state, one entry per map zone in map order.
  public var zones: [AreaStates]?
  /// Persons per state, one entry per map grid in map order.
  public var grids: [AreaStates]?
  /// Shelters' occupants and capacity, sorted by facility id.
  public var shelters: [ShelterFill]?
  /// Response teams, sorted by id.
  public var teams: [TeamState]?
  /// Depots' stock, sorted by facility id.
  public var depots: [DepotStock]?
  /// Water depth in whole centimetres.
  public var flood: RasterLayer?
  /// Fire arrival time in whole seconds; `-1` where it has not arrived.
  public var fire: RasterLayer?
  /// Active power, network and road outages, sorted by kind then target.
  public var outages: [Outage]?
  /// The latest value of every metric reported so far, sorted by name.
  public var metrics: [MetricValue]?

  public init(time: SimTime) { self.time = time }
}
