/// A sweep that cannot go on: a bad option, a design that makes no points,
/// a store that belongs to another sweep, a file that cannot be written.
///
/// One error type for the module, always naming where the problem is (the
/// option, the store's path, the parameter), so the CLI can print it and
/// pick the exit code: `isInvalidInput` errors exit 2, the rest 1.
public struct ExperimentsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// "--vary teams", "results/s1/sweep.sqlite": where to look.
  public let location: String
  public let message: String
  /// True for input the user must change (options, mismatched stores).
  public let isInvalidInput: Bool

  public init(_ location: String, _ message: String, invalidInput: Bool = true) {
    self.location = location
    self.message = message
    self.isInvalidInput = invalidInput
  }

  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
