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

/// Where a frame's models come from: each fills its own section.
///
/// The run composes the sources of the models it has (the map's closures,
/// the flood, the fire; later evacuation, warnings, teams and depots), so
/// the recorder never needs to know which models exist. A source reads its
/// state as it stands and must not advance anything that would change the
/// run's results.
public protocol FrameSource: AnyObject {
  /// Writes this source's section(s) of `frame` for the frame's time.
  func contribute(to frame: inout FrameSnapshot)
}

/// Where frames go: the recorder's file, a test's array.
public protocol FrameSink: AnyObject {
  /// Called once before the first frame with what does not change in a run.
  func begin(_ header: FrameHeader) throws
  /// Records one frame; frames arrive in time order.
  func record(_ frame: FrameSnapshot) throws
}

/// What a frame recording says once: the scenario, its clock and its map.
public struct FrameHeader: Sendable, Equatable {
  public var scenario: String
  /// The scenario's wall-clock start (ISO 8601 with offset), if declared.
  public var start: String?
  /// Sim seconds between frames.
  public var interval: SimTime
  public var duration: SimTime?
  public var map: FrameMap?

  public init(
    scenario: String, start: String?, interval: SimTime, duration: SimTime?, map: FrameMap?
  ) {
    self.scenario = scenario
    self.start = start
    self.interval = interval
    self.duration = duration
    self.map = map
  }
}

/// A frame recorder that keeps frames in memory, for tests.
public final class FrameLog: FrameSink {
  public private(set) var header: FrameHeader?
  public private(set) var frames: [FrameSnapshot] = []

  public init() {}

  public func begin(_ header: FrameHeader) { self.header = header }

  public func record(_ frame: FrameSnapshot) { frames.append(frame) }
}
