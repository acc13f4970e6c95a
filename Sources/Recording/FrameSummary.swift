import Scenario
import SimKernel

/// The numbers a replay shows for one instant: clock, closed links, water,
/// fire, people per state, shelter fill.
///
/// The terminal replay prints these and the browser viewer shows the same
/// values (computed here, embedded in replay.html), so both always agree
/// on what a frame says. A count is nil when its model is not in the run.
public struct FrameSummary: Sendable, Equatable {
  /// Sim time the summary is for (the frame's, or a time between frames).
  public let time: SimTime
  public let clock: String
  public let closedLinks: Int?
  public let wetCells: Int?
  public let maxDepthCm: Int?
  public let burnedCells: Int?
  /// Persons per state over every zone.
  public let states: FrameSnapshot.AreaStates?
  public let shelterOccupants: Int?
  public let shelterCapacity: Int?
  public let teams: Int?
  public let outages: Int?

  /// The summary of `frame` shown at `time` (clock at `time`).
  public init(frame: FrameSnapshot?, at time: SimTime, clock: ScenarioClock) {
    self.time = time
    self.clock = clock.text(at: time)
    closedLinks = frame?.closures?.count
    wetCells = frame?.flood?.markedCells
    maxDepthCm = frame?.flood.map { Int($0.maximum) }
    burnedCells = frame?.fire?.markedCells
    states = frame?.zones.map { zones in
      zones.reduce(into: FrameSnapshot.AreaStates()) { sum, z in
        sum = FrameSnapshot.AreaStates(counts: zip(sum.counts, z.counts).map { $0 + $1 })
      }
    }
    shelterOccupants = frame?.shelters.map { $0.reduce(0) { $0 + $1.occupants } }
    shelterCapacity = frame?.shelters.map { $0.reduce(0) { $0 + $1.capacity } }
    teams = frame?.teams?.count
    outages = frame?.outages?.count
  }

  /// Shown numbers by key ("closed", "wet", "state.safe", ...), present
  /// ones only, in a fixed order: the viewer's element ids are
  /// `count-<key>` with dots as dashes.
  public var counts: [(key: String, value: Int)] {
    var out: [(key: String, value: Int)] = []
    if let closedLinks { out.append(("closed", closedLinks)) }
    if let wetCells { out.append(("wet", wetCells)) }
    if let maxDepthCm { out.append(("max_depth_cm", maxDepthCm)) }
    if let burnedCells { out.append(("burned", burnedCells)) }
    if let states {
      for (name, count) in zip(FrameSnapshot.AreaStates.names, states.counts) {
        out.append(("state.\(name)", count))
      }
    }
    if let shelterOccupants { out.append(("shelter_occupants", shelterOccupants)) }
    if let shelterCapacity { out.append(("shelter_capacity", shelterCapacity)) }
    if let teams { out.append(("teams", teams)) }
    if let outages { out.append(("outages", outages)) }
    return out
  }

  /// Plain text lines for a terminal: one `key: value` per count.
  public var lines: [String] {
    ["clock: \(clock)", "t: \(time) s"] + counts.map { "\($0.key): \($0.value)" }
  }
}
