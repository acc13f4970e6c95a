/// One value per population group: a pre-movement distribution, a reach
/// share, a compliance probability.
///
/// An array indexed by the group's raw value rather than a dictionary, so
/// lookups in per-household loops are cheap and iteration is in group order.
public struct PerGroup<Value: Sendable>: Sendable {
  private var values: [Value]

  /// `value` for every group.
  public init(_ value: Value) {
    values = [Value](repeating: value, count: PopulationGroup.allCases.count)
  }

  /// `value` for every group except those listed.
  public init(_ value: Value, except overrides: [PopulationGroup: Value]) {
    self.init(value)
    for group in PopulationGroup.allCases {
      if let override = overrides[group] { values[group.rawValue] = override }
    }
  }

  public subscript(group: PopulationGroup) -> Value {
    get { values[group.rawValue] }
    set { values[group.rawValue] = newValue }
  }
}

extension PerGroup: Equatable where Value: Equatable {}
