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
