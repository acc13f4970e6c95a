/// Invalid input: a scenario, a parameter or an option that cannot be used.
///
/// Always names where the problem is (file and line, or the field or
/// option), because the person fixing it is a planner, not a programmer.
/// Maps to exit code 2.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
  /// "scenarios/x.lua:12", "--param", "scenario.duration": where to look.
  public let location: String
  public let message: String

  public init(_ location: String, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
