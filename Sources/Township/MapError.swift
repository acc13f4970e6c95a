/// An error in a map input: what went wrong, in which file, where.
///
/// Every loader of the module throws this one type, so the CLI can map any
/// bad map, grid or extract to exit code 2 and print a message that names
/// the file and the line (text formats) or the feature index (GeoJSON).
public struct MapError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where in the file the problem sits.
  ///
  /// Text formats (OSM XML, ESRI ASCII) report 1-based lines; GeoJSON reports
  /// the 0-based index of the feature in `features`; model checks that span
  /// the whole map report no position.
  public enum Position: Equatable, Sendable {
    case line(Int)
    case feature(Int)
    case whole
  }

  /// The file (or a short label such as "inline map") the error belongs to.
  public let file: String
  /// The line or feature the error belongs to.
  public let position: Position
  /// What is wrong, in words a planner can act on.
  public let message: String

  /// Creates an error for a file, a position in it and a message.
  public init(file: String, _ position: Position, _ message: String) {
    self.file = file
    self.position = position
    self.message = message
  }

  public var description: String {
    switch position {
    case .line(let line): return "\(file):\(line): \(message)"
    case .feature(let index): return "\(file): feature \(index): \(message)"
    case .whole: return "\(file): \(message)"
    }
  }
}
