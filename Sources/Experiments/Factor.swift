import Scenario

/// A parameter a sweep varies, and the values it may take: a continuous
/// range (rounded when the parameter is an integer) or a list of levels.
public struct Factor: Codable, Hashable, Sendable {
  /// The values a factor may take.
  public enum Domain: Codable, Hashable, Sendable {
    /// From `min` to `max`; `integer` rounds every value to a whole number.
    case range(min: Double, max: Double, integer: Bool)
    /// Exactly these values, in this order.
    case levels([ParameterLevel])
  }

  public let name: String
  public let domain: Domain
  /// The value the scenario declares as default (the OAT baseline).
  public let baseline: ParameterLevel

  public init(name: String, domain: Domain, baseline: ParameterLevel) {
    self.name = name
    self.domain = domain
    self.baseline = baseline
  }

  /// Evenly spaced levels for grid and OAT designs.
  ///
  /// `count` levels from one end of a range to the other, or the declared
  /// levels themselves. Integer ranges round and drop repeats.
  public func levels(count: Int) -> [ParameterLevel] {
    switch domain {
    case .levels(let levels):
      return levels
    case .range(let low, let high, let integer):
      guard count > 1, high > low else { return [level(at: low, integer: integer)] }
      var out: [ParameterLevel] = []
      for i in 0..<count {
        let x = low + (high - low) * Double(i) / Double(count - 1)
        let level = level(at: x, integer: integer)
        if !out.contains(level) { out.append(level) }
      }
      return out
    }
  }

  /// The level at quantile `u` in [0, 1) (random and LHS designs): a
  /// uniform share of a range, or one of the levels with equal chance.
  public func level(quantile u: Double) -> ParameterLevel {
    switch domain {
    case .levels(let levels):
      let index = min(levels.count - 1, Int(u * Double(levels.count)))
      return levels[max(0, index)]
    case .range(let low, let high, let integer):
      guard integer else { return .number(low + (high - low) * u) }
      // Whole numbers low...high, each with an equal share of [0, 1).
      let first = low.rounded(.up)
      let span = high.rounded(.down) - first + 1
      return .integer(Int64(first + min(span - 1, (u * span).rounded(.down))))
    }
  }

  private func level(at x: Double, integer: Bool) -> ParameterLevel {
    integer ? .integer(Int64(x.rounded())) : .number(x)
  }
}

extension Factor {
  /// The factor a declared parameter makes, or nil when the declaration
  /// gives nothing to vary (no range, no values, not a flag).
  public init?(_ spec: ParameterSpec) {
    guard let baseline = ParameterLevel(spec.defaultValue) else { return nil }
    if let allowed = spec.allowed {
      let levels = allowed.compactMap(ParameterLevel.init)
      guard levels.count == allowed.count, !levels.isEmpty else { return nil }
      self.init(name: spec.name, domain: .levels(levels), baseline: baseline)
    } else if let low = spec.minimum, let high = spec.maximum {
      let integer = if case .integer = spec.defaultValue { true } else { false }
      self.init(
        name: spec.name, domain: .range(min: low, max: high, integer: integer), baseline: baseline)
    } else if case .bool = spec.defaultValue {
      self.init(name: spec.name, domain: .levels([.bool(false), .bool(true)]), baseline: baseline)
    } else {
      return nil
    }
  }

  /// Applies `--vary name=a:b` (a range) or `name=a,b,c` (levels), each
  /// value parsed and checked as the declaration types it; a range is of
  /// whole numbers only when the default and both ends are.
  public init(_ spec: ParameterSpec, vary text: String) throws(ExperimentsError) {
    let location = "--vary \(spec.name)"
    guard let baseline = ParameterLevel(spec.defaultValue) else {
      throw ExperimentsError(location, "the parameter has no scalar default")
    }
    func parse(_ item: Substring) throws(ExperimentsError) -> ParameterLevel {
      let value: Value
      do {
        value = try spec.parse(String(item))
      } catch {
        throw ExperimentsError(location, error.message)
      }
      guard let level = ParameterLevel(value) else {
        throw ExperimentsError(location, "'\(item)' is not a scalar value")
      }
      return level
    }
    if text.contains(":") {
      let ends = text.split(separator: ":", omittingEmptySubsequences: false)
      guard ends.count == 2, let low = try parse(ends[0]).numeric,
        let high = try parse(ends[1]).numeric, low <= high
      else {
        throw ExperimentsError(location, "expected a range low:high of numbers, got '\(text)'")
      }
      // Whole-number levels only when the declaration and both ends say so:
      // `--vary share=0.6:0.9` on a parameter declared `default = 1` means
      // fractions, not two roundings to 1.
      let integer =
        if case .integer = spec.defaultValue {
          ends.allSatisfy { Int64($0) != nil }
        } else { false }
      self.init(
        name: spec.name, domain: .range(min: low, max: high, integer: integer), baseline: baseline)
    } else {
      var levels: [ParameterLevel] = []
      for item in text.split(separator: ",", omittingEmptySubsequences: false) {
        let level = try parse(item)
        if !levels.contains(level) { levels.append(level) }
      }
      guard !levels.isEmpty else { throw ExperimentsError(location, "no values given") }
      self.init(name: spec.name, domain: .levels(levels), baseline: baseline)
    }
  }
}
