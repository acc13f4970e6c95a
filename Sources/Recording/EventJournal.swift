import Foundation
import Scenario
import SimKernel

/// The events.jsonl writer: one JSON object per line, `t` and `kind` first.
///
/// Events recorded before `open(at:)` are buffered: a scenario's setup may
/// log before its input is known to be valid, and invalid input must leave
/// no files behind.
public final class EventJournal: EventSink {
  var buffer: [UInt8] = []
  var handle: FileHandle?
  public private(set) var count = 0

  public init() {}

  public func record(at time: SimTime, kind: String, fields: [(key: String, value: Value)]) {
    var line = "{\"t\":\(time),\"kind\":"
    JSONText.string(kind, to: &line)
    for field in fields where field.key != "t" && field.key != "kind" {
      line += ","
      JSONText.string(field.key, to: &line)
      line += ":"
      JSONText.write(field.value, to: &line)
    }
    line += "}\n"
    buffer.append(contentsOf: line.utf8)
    count += 1
    if handle != nil, buffer.count >= 1 << 16 { flush() }
  }

  /// Starts writing to `url`, first the buffered events.
  public func open(at url: URL) throws {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    handle = try FileHandle(forWritingTo: url)
    flush()
  }

  /// Writes what is buffered and closes the file.
  public func close() throws {
    flush()
    try handle?.close()
    handle = nil
  }

  func flush() {
    guard let handle, !buffer.isEmpty else { return }
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
