/// A results file that cannot be read or written: which file, where in it,
/// and what is wrong.
///
/// Readers of a results folder (replays, reports) meet files written by
/// other versions or cut short by a full disk, so every message names the
/// file and, when there is one, the line.
public struct RecordingError: Error, CustomStringConvertible, Sendable {
  /// "results/x/seed-1/frames.jsonl:12", or just the file.
  public let location: String
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
