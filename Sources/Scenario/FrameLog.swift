/// A frame recorder that keeps frames in memory, for tests.
public final class FrameLog: FrameSink {
  public private(set) var header: FrameHeader?
  public private(set) var frames: [FrameSnapshot] = []

  public init() {}

  public func begin(_ header: FrameHeader) { self.header = header }

  public func record(_ frame: FrameSnapshot) { frames.append(frame) }
}
