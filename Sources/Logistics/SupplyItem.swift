/// A relief item, counted in its own unit.
public enum SupplyItem: String, Sendable, CaseIterable {
  /// Drinking water, litres.
  case water
  /// Food rations.
  case food
  case blankets
  /// Medicine kits.
  case medicine
  case sandbags

  /// The unit amounts of this item are counted in.
  public var unit: String {
    switch self {
    case .water: return "L"
    case .food: return "ration"
    case .blankets: return "blanket"
    case .medicine: return "kit"
    case .sandbags: return "bag"
    }
  }

  /// Position in `allCases`, for per-item arrays.
  var slot: Int {
    switch self {
    case .water: return 0
    case .food: return 1
    case .blankets: return 2
    case .medicine: return 3
    case .sandbags: return 4
    }
  }
}

/// How much of an item one sheltered person uses per hour.
public struct ConsumptionRate: Sendable, Equatable {
  public var item: SupplyItem
  public var perPersonPerHour: Double

  public init(_ item: SupplyItem, perPersonPerHour: Double) {
    self.item = item
    self.perPersonPerHour = perPersonPerHour
  }

  /// Planning defaults for a shelter: 3 L of water and 3 rations per
  /// person per day (Sphere minimum drinking water; three meals).
  public static let shelterDefaults: [ConsumptionRate] = [
    ConsumptionRate(.water, perPersonPerHour: 3.0 / 24),
    ConsumptionRate(.food, perPersonPerHour: 3.0 / 24),
  ]
}
