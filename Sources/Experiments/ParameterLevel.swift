import Scenario

/// One value a swept parameter takes: a number, an integer, a flag or a
/// word, as `sim.param` declares them.
///
/// Stored in the sweep definition (so it is `Codable`) and handed to a run
/// as `--param` text that parses back to the same value.
public enum ParameterLevel: Codable, Hashable, Sendable, CustomStringConvertible {
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case string(String)

  /// The level as a scenario value.
  public var value: Value {
    switch self {
    case .integer(let i): return .integer(i)
    case .number(let d): return .number(d)
    case .bool(let b): return .bool(b)
    case .string(let s): return .string(s)
    }
  }

  /// The level from a scenario value; nil for tables and nil.
  public init?(_ value: Value) {
    switch value {
    case .integer(let i): self = .integer(i)
    case .number(let d): self = .number(d)
    case .bool(let b): self = .bool(b)
    case .string(let s): self = .string(s)
    default: return nil
    }
  }

  /// The `--param` text: Swift's shortest round-trip form for numbers.
  public var text: String {
    switch self {
    case .integer(let i): return String(i)
    case .number(let d): return d.description
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return s
    }
  }

  public var description: String { text }

  /// The level as a regression input: numbers as they are, flags as 0/1;
  /// nil for words.
  public var numeric: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .number(let d): return d
    case .bool(let b): return b ? 1 : 0
    case .string: return nil
    }
  }
}

/// A parameter's name and the level a design point gives it.
public struct Setting: Codable, Hashable, Sendable {
  public let name: String
  public let level: ParameterLevel

  public init(name: String, level: ParameterLevel) {
    self.name = name
    self.level = level
  }
}
