import Foundation
import Scenario
import SimKernel

/// Reads a frames file and finds the state at any time.
///
/// The index (frames.index.json) says where each frame's line starts; a
/// missing or stale index is rebuilt by scanning the lines. Seeking to a
/// time decodes from the keyframe at or before it, so it costs at most
/// `FrameFormat.keyframeInterval` lines whatever the run's length.
public struct FrameReader {
  /// Where one frame's line is in the file.
  public struct Entry: Sendable, Equatable {
    public let time: SimTime
    public let offset: Int
    public let length: Int
    public let key: Bool
  }

  public let url: URL
  public let header: FrameHeader
  /// Every frame, in time order.
  public let entries: [Entry]
  let bytes: [UInt8]

  /// Opens `url` (frames.jsonl) and its index beside it.
  public init(url: URL) throws(RecordingError) {
    self.url = url
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw RecordingError(url.path, "cannot read frames: \(error.localizedDescription)")
    }
    bytes = [UInt8](data)
    let headerEnd = bytes.firstIndex(of: 10) ?? bytes.count
    header = try FrameFormat.decodeHeader(
      try JSONParser.parse(bytes[0..<headerEnd], location: "\(url.path):1"),
      location: "\(url.path):1")
    let indexURL = url.deletingLastPathComponent().appendingPathComponent(
      RunFolder.framesIndexName)
    if let indexed = Self.readIndex(indexURL, fileSize: bytes.count) {
      entries = indexed
    } else {
      entries = try Self.scan(bytes, from: headerEnd + 1, path: url.path)
    }
  }

  /// The index's entries, or nil when it is missing or does not fit the file.
  static func readIndex(_ url: URL, fileSize: Int) -> [Entry]? {
    guard let data = try? Data(contentsOf: url),
      let value = try? JSONParser.parse([UInt8](data), location: url.path),
      value["format"]?.stringValue == FrameFormat.indexName,
      let list = value["frames"]?.arrayValue
    else { return nil }
    var entries: [Entry] = []
    for item in list {
      guard let parts = item.arrayValue, parts.count == 4,
        let time = parts[0].doubleValue.flatMap(SimTime.init(seconds:)),
        let offset = parts[1].integerValue, let length = parts[2].integerValue,
        case .bool(let key) = parts[3], offset >= 0, length > 0, offset + length <= fileSize
      else { return nil }
      entries.append(Entry(time: time, offset: offset, length: length, key: key))
    }
    guard entries.first?.key ?? true else { return nil }
    return entries
  }

  /// Entries found by reading each line's time and key flag.
  static func scan(_ bytes: [UInt8], from start: Int, path: String) throws(RecordingError)
    -> [Entry]
  {
    var entries: [Entry] = []
    var offset = start
    var line = 2
    while offset < bytes.count {
      let end = bytes[offset...].firstIndex(of: 10) ?? bytes.count
      if end > offset {
        let location = "\(path):\(line)"
        let value = try JSONParser.parse(bytes[offset..<end], location: location)
        guard let t = value["t"]?.doubleValue, let time = SimTime(seconds: t) else {
          throw RecordingError(location, "frame without a time \"t\"")
        }
        entries.append(
          Entry(
            time: time, offset: offset, length: end + 1 - offset, key: value["key"] == .bool(true)))
      }
      offset = end + 1
      line += 1
    }
    return entries
  }

  /// Frame times, in order.
  public var times: [SimTime] { entries.map(\.time) }

  /// The index of the last frame at or before `time`, or nil before the first.
  public func index(at time: SimTime) -> Int? {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].time <= time { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : low - 1
  }

  /// The state at `time`: the last frame at or before it (nil before the
  /// first frame).
  public func frame(at time: SimTime) throws(RecordingError) -> FrameSnapshot? {
    guard let target = index(at: time) else { return nil }
    return try frame(index: target)
  }

  /// Frame number `target`, decoded from the keyframe at or before it.
  public func frame(index target: Int) throws(RecordingError) -> FrameSnapshot {
    precondition(entries.indices.contains(target), "frame index out of range")
    var start = target
    while start > 0, !entries[start].key { start -= 1 }
    var frame: FrameSnapshot?
    for n in start...target { frame = try decode(n, previous: frame) }
    guard let frame else { throw RecordingError(url.path, "no frame \(target)") }
    return frame
  }

  /// Every frame in order, decoded in one pass.
  public func allFrames() throws(RecordingError) -> [FrameSnapshot] {
    var frames: [FrameSnapshot] = []
    frames.reserveCapacity(entries.count)
    for n in entries.indices { frames.append(try decode(n, previous: frames.last)) }
    return frames
  }

  /// The JSON text of frame `n`'s line (for viewers that decode it themselves).
  public func lineText(_ n: Int) -> Substring {
    let entry = entries[n]
    var end = entry.offset + entry.length
    if end > entry.offset, end <= bytes.count, bytes[end - 1] == 10 { end -= 1 }
    return Substring(decoding: bytes[entry.offset..<min(end, bytes.count)], as: UTF8.self)
  }

  /// The header line's JSON text.
  public var headerText: Substring {
    let end = bytes.firstIndex(of: 10) ?? bytes.count
    return Substring(decoding: bytes[0..<end], as: UTF8.self)
  }

  func decode(_ n: Int, previous: FrameSnapshot?) throws(RecordingError) -> FrameSnapshot {
    let entry = entries[n]
    let end = min(entry.offset + entry.length, bytes.count)
    let location = "\(url.path): frame \(n + 1)"
    let value = try JSONParser.parse(bytes[entry.offset..<end], location: location)
    return try FrameFormat.decodeFrame(value, previous: previous, location: location)
  }
}

extension FrameReader {
  /// Frame `n`, given frame `n - 1` already decoded: one line's work, for
  /// readers that walk every frame in order.
  public func frame(after previous: FrameSnapshot?, index n: Int) throws(RecordingError)
    -> FrameSnapshot
  {
    try decode(n, previous: previous)
  }
}
