/// A parameter a scenario declares with `sim.param(name, { ... })`: its
/// default, its allowed range or values, and a line of documentation.
///
/// Parameters are what sweeps vary, so they are typed and checked where
/// they are declared; a bad `--param` fails before anything runs.
public struct ParameterSpec: Sendable {
  public let name: String
  public let defaultValue: Value
  public let minimum: Double?
  public let maximum: Double?
  public let allowed: [Value]?
  public let doc: String?

  public init(
    name: String, defaultValue: Value, minimum: Double? = nil, maximum: Double? = nil,
    allowed: [Value]? = nil, doc: String? = nil
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.minimum = minimum
    self.maximum = maximum
    self.allowed = allowed
    self.doc = doc
  }

  /// Parses an override given as text (from `--param name=text`) into the
  /// default's type and checks it.
  public func parse(_ text: String) throws(ScenarioError) -> Value {
    let value: Value
    switch defaultValue {
    case .integer:
      if let i = Int64(text) {
        value = .integer(i)
      } else if let d = Double(text), d.isFinite {
        value = .number(d)
      } else {
        throw ScenarioError("--param \(name)", "'\(text)' is not a number")
      }
    case .number:
      guard let d = Double(text), d.isFinite else {
        throw ScenarioError("--param \(name)", "'\(text)' is not a number")
      }
      value = .number(d)
    case .bool:
      switch text.lowercased() {
      case "true", "1", "yes": value = .bool(true)
      case "false", "0", "no": value = .bool(false)
      default: throw ScenarioError("--param \(name)", "'\(text)' is not true or false")
      }
    default:
      value = .string(text)
    }
    try check(value, location: "--param \(name)")
    return value
  }

  /// Checks a value against the range and the allowed values.
  public func check(_ value: Value, location: String) throws(ScenarioError) {
    if let number = value.doubleValue {
      if let minimum, number < minimum {
        throw ScenarioError(location, "\(number) is below the minimum \(minimum) of '\(name)'")
      }
      if let maximum, number > maximum {
        throw ScenarioError(location, "\(number) is above the maximum \(maximum) of '\(name)'")
      }
    }
    if let allowed,
      !allowed.contains(where: {
        $0 == value || $0.doubleValue.map { $0 == value.doubleValue } == true
      })
    {
      throw ScenarioError(location, "'\(name)' must be one of the declared values")
    }
  }
}
