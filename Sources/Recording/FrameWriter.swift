import Foundation
import Scenario
import SimKernel

/// Writes frames.jsonl and, on `close()`, frames.index.json (see
/// `FrameFormat`).
///
/// Frames are written as they come, so a long run does not hold them in
/// memory; only the last frame is kept, to write the next one's rasters as
/// changed cells.
public final class FrameWriter: FrameSink {
  public let url: URL
  public let indexURL: URL
  var handle: FileHandle?
  var offset = 0
  var entries: [FrameReader.Entry] = []
  var previous: FrameSnapshot?

  /// A writer for `url`; the index goes beside it as `frames.index.json`.
  public init(url: URL) {
    self.url = url
    indexURL = url.deletingLastPathComponent().appendingPathComponent(RunFolder.framesIndexName)
  }

  public func begin(_ header: FrameHeader) throws {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    handle = try FileHandle(forWritingTo: url)
    try write(JSONText.encode(FrameFormat.header(header)) + "\n")
  }

  public func record(_ frame: FrameSnapshot) throws {
    let key = entries.count % FrameFormat.keyframeInterval == 0
    let line = JSONText.encode(FrameFormat.frame(frame, previous: previous, key: key)) + "\n"
    let length = line.utf8.count
    entries.append(FrameReader.Entry(time: frame.time, offset: offset, length: length, key: key))
    try write(line)
    previous = frame
  }

  func write(_ text: String) throws {
    guard let handle else { throw RecordingError(url.path, "frames file is not open") }
    let data = Data(text.utf8)
    try handle.write(contentsOf: data)
    offset += data.count
  }

  /// Closes frames.jsonl and writes its index (atomically).
  public func close() throws {
    try handle?.close()
    handle = nil
    var text = "{\"format\":\"\(FrameFormat.indexName)\",\"version\":\(FrameFormat.version)"
    text += ",\"frames\":["
    for (n, entry) in entries.enumerated() {
      if n > 0 { text += "," }
      text += "[\(entry.time),\(entry.offset),\(entry.length),\(entry.key)]"
    }
    text += "]}\n"
    try Data(text.utf8).write(to: indexURL, options: .atomic)
  }
}
