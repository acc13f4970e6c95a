import SimKernel

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
