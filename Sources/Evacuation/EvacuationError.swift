/// Invalid evacuation input: a zone, shelter, channel or distribution that
/// cannot be used, with where it came from.
///
/// One error type for the module, so the CLI maps any of them to exit code
/// 2 with a message naming the field or parameter at fault.
public struct EvacuationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The field, zone, shelter or parameter the error is about.
  public let location: String
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
