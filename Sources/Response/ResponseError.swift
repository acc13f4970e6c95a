/// Invalid response input or an impossible order: an unknown team, an
/// incident already served, a team that cannot reach the scene.
///
/// One error type for the module; `location` names the team, incident or
/// field at fault so the scenario layer can point at it.
public struct ResponseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The team, incident, report or field the error is about.
  public let location: String
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
