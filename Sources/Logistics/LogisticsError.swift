/// Invalid logistics input or an impossible order: an unknown site or
/// item, a delivery from a depot with no vehicle.
///
/// One error type for the module; `location` names the site, item or field
/// at fault so the scenario layer can point at it.
public struct LogisticsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The site, item, vehicle or field the error is about.
  public let location: String
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
