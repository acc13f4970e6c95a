import SimKernel

/// What a supply site is: a depot holds stock, a shelter consumes it.
public enum SupplySiteKind: String, Sendable, CaseIterable {
  case depot
  case shelter
}

/// A depot or shelter: where it is, who is there, and its stock per item.
public struct SupplySite: Sendable {
  public let id: String
  public let kind: SupplySiteKind
  /// Node index on the road network.
  public let node: Int
  /// Persons sheltered now (shelters).
  public internal(set) var people: Int = 0
  /// Use per person per hour, per item slot (shelters).
  let consumption: [Double]
  var lines: [StockLine]
  /// First time the shelter held anyone.
  public internal(set) var occupiedSince: SimTime?
  /// First time, while occupied, every consumed item was in stock.
  public internal(set) var needsMetSince: SimTime?
  /// Since when every consumed item has been in stock without a break.
  ///
  /// Nil while one is out (and the shelter occupied). Unlike
  /// `needsMetSince` it moves on after a run-out, so "needs met for good"
  /// can be rated.
  public internal(set) var needsSteadySince: SimTime?

  init(id: String, kind: SupplySiteKind, node: Int, consumption: [ConsumptionRate]) {
    self.id = id
    self.kind = kind
    self.node = node
    var perItem = [Double](repeating: 0, count: SupplyItem.allCases.count)
    for rate in consumption { perItem[rate.item.slot] += rate.perPersonPerHour }
    self.consumption = perItem
    lines = perItem.map { StockLine(perPersonPerHour: $0) }
  }

  /// When this site ran out of `item` first, if it did.
  public func firstRunOut(of item: SupplyItem) -> SimTime? { lines[item.slot].firstRunOut }

  /// Whether every consumed item is in stock.
  var needsMet: Bool {
    zip(consumption, lines).allSatisfy { use, line in use == 0 || line.level > 0 }
  }
}
