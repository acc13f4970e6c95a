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

/// A vehicle that carries one load at a time from its depot.
public struct DeliveryVehicle: Sendable {
  public let id: String
  /// Index of its depot in `SupplyNetwork.sites`.
  public let depot: Int
  /// Units of any one item per trip.
  public let capacity: Double
  /// When it is back at its depot from its current job (its last one
  /// when idle).
  public internal(set) var freeAt: SimTime = .zero
  public internal(set) var trips = 0
  /// Out on a delivery.
  public internal(set) var isBusy = false
  /// Deliveries waiting for it, first come first served.
  var waiting: [Int] = []

  /// Jobs it has: the one under way and those waiting.
  var load: Int { waiting.count + (isBusy ? 1 : 0) }
}

/// A supplier's agreement reserve (协议储备): stock held elsewhere that
/// reaches a depot `leadTime` after it is called off.
public struct AgreementReserve: Sendable {
  public let id: String
  public let supplier: String
  public let item: SupplyItem
  public let amount: Double
  public let leadTime: SimTime
  /// Index of the receiving depot in `SupplyNetwork.sites`.
  public let depot: Int
  public internal(set) var calledOff: SimTime?
}
