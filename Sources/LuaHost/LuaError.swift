/// Everything that can go wrong when loading or running Lua code.
///
/// One error type for the module, carrying what a user needs to find the
/// fault: the phase, the message (which starts with "file:line:" when Lua
/// knows the place) and the traceback.
public struct LuaError: Error, CustomStringConvertible, Sendable {
  public enum Kind: String, Sendable {
    /// The chunk did not compile.
    case syntax
    /// The code raised an error while running.
    case runtime
    /// The instruction budget ran out.
    case instructionBudget
    /// The memory cap was reached.
    case memoryCap
    /// A file could not be read, or the host could not set the state up.
    case host
  }

  public let kind: Kind
  /// The first line of the message: "file:line: what went wrong".
  public let message: String
  /// Lua's traceback, when there is one.
  public let traceback: String

  public init(kind: Kind, message: String, traceback: String = "") {
    self.kind = kind
    self.message = message
    self.traceback = traceback
  }

  /// Splits a message-with-traceback as the bridge's handler builds it.
  init(kind: Kind, text: String) {
    if let range = text.range(of: "\nstack traceback:") {
      self.init(
        kind: kind, message: String(text[..<range.lowerBound]),
        traceback: String(text[range.lowerBound...].dropFirst()))
    } else {
      self.init(kind: kind, message: text)
    }
  }

  /// True for the errors that mean a limit was hit (exit code 3).
  public var isLimit: Bool { kind == .instructionBudget || kind == .memoryCap }

  public var description: String {
    traceback.isEmpty ? message : message + "\n" + traceback
  }
}

/// An error a Swift function bound into Lua reports to its caller.
///
/// Thrown inside the callback; the bridge raises it in Lua after the Swift
/// frames have returned, prefixed with the caller's "file:line:".
public struct LuaCallError: Error, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
}
