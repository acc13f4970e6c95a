import Scenario
import SimKernel

/// Frame recording: the aggregated state every `interval` of sim time.
///
/// Frames are taken between events, not by events of their own: the run
/// steps through every event up to a frame's time, the sources describe the
/// world as it stands, and the run goes on. So recording frames adds no
/// kernel event, moves no model forward and changes no result (the event
/// count, the end time and every output but the frames stay the same).
extension LuaScenario {
  /// Asks `run()` to record a frame every `interval` of sim time into `sink`.
  ///
  /// A frame is taken at 0, `interval`, `2 interval`, ... while the run
  /// goes on, and one last frame at the run's end (after the objectives are
  /// rated). An error from the sink stops the recording, not the run; see
  /// `frameError`.
  public func recordFrames(to sink: FrameSink, every interval: SimTime) {
    precondition(interval > .zero, "frame interval must be positive")
    frameRecording = FrameRecording(sink: sink, interval: interval)
  }

  /// The models that fill frames, in a fixed order.
  ///
  /// New models add their source here.
  var frameSources: [FrameSource] {
    var sources: [FrameSource] = []
    if let map { sources.append(map) }
    if let flood { sources.append(flood) }
    if let fire { sources.append(fire) }
    if let evacuation { sources.append(evacuation) }
    return sources
  }

  /// Hands the sink the header; without a sink that takes it, no frames.
  func beginFrames() {
    guard let recording = frameRecording else { return }
    do {
      try recording.sink.begin(
        FrameHeader(
          scenario: spec.name, start: spec.start, interval: recording.interval,
          duration: spec.duration, map: map.map { FrameMap(township: $0.township) }))
    } catch {
      frameRecording = nil
      frameError = error
    }
  }

  /// Runs the simulator to `end`, stopping at each frame time to record.
  func runRecordingFrames(until end: SimTime) {
    guard let recording = frameRecording else {
      simulator.run(until: end)
      return
    }
    var boundary = SimTime.zero
    while boundary < end, !simulator.isStopped {
      while let next = simulator.nextEventTime, next <= boundary, !simulator.isStopped {
        simulator.step()
      }
      // Without a duration the run ends with its last event: no frame (and
      // no clock) beyond it.
      guard !simulator.isStopped, simulator.nextEventTime != nil || end != .never else { break }
      recordFrame(at: boundary)
      boundary = boundary + recording.interval
    }
    if !simulator.isStopped { simulator.run(until: end) }
  }

  /// Records the frame at the run's end, unless one was taken then.
  func recordFinalFrame() {
    if let last = frameRecording?.lastTime, last >= simulator.now { return }
    recordFrame(at: simulator.now)
  }

  /// Builds the frame at `time` from every source and hands it to the sink.
  func recordFrame(at time: SimTime) {
    guard let recording = frameRecording else { return }
    var frame = FrameSnapshot(time: time)
    for source in frameSources { source.contribute(to: &frame) }
    let metrics = metrics.summary
    if !metrics.isEmpty {
      frame.metrics = metrics.map { FrameSnapshot.MetricValue(name: $0.name, value: $0.value) }
    }
    do {
      try recording.sink.record(frame)
      frameRecording?.lastTime = time
    } catch {
      frameRecording = nil
      frameError = error
    }
  }
}

/// Where a run's frames go and how often.
struct FrameRecording {
  let sink: FrameSink
  let interval: SimTime
  var lastTime: SimTime?
}
