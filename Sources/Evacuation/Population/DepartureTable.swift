import SimKernel

/// Why a household leaves or stays.
public enum DepartureReason: UInt8, Sendable, CaseIterable {
  /// In an ordered zone, warned, complies: leaves.
  case ordered
  /// Outside the ordered zones but leaves anyway (shadow evacuation).
  case shadow
  /// In an ordered zone but never warned: stays.
  case notWarned
  /// In an ordered zone, warned, does not comply: stays.
  case refused
  /// Outside the ordered zones: stays.
  case notOrdered

  /// True for the reasons that send a household on its way.
  public var leaves: Bool { self == .ordered || self == .shadow }
}

/// What the movement model needs from mobilisation: per household, when it
/// sets off (or that it stays) and whether it later goes home again.
///
/// Columns are indexed by household id, like `HouseholdRoster`.
public struct DepartureTable: Sendable, Equatable {
  /// Departure time; `SimTime.never` for households that stay.
  public internal(set) var departure: [SimTime]
  /// Why each household leaves or stays.
  public internal(set) var reason: [DepartureReason]
  /// Time between reaching a shelter and setting off home again;
  /// `SimTime.never` for households that stay at the shelter.
  public internal(set) var returnDelay: [SimTime]
  /// Time a returning household spends at home before it sets off for a
  /// shelter again; `SimTime.never` when it stays home (or never returns).
  public internal(set) var dwell: [SimTime]

  /// A table where every household stays.
  public init(count: Int) {
    departure = [SimTime](repeating: .never, count: count)
    reason = [DepartureReason](repeating: .notOrdered, count: count)
    returnDelay = [SimTime](repeating: .never, count: count)
    dwell = returnDelay
  }

  /// Number of households.
  public var count: Int { departure.count }

  /// Households that leave, as ids sorted by departure time (ties by id):
  /// the order the movement model releases them in.
  public var leavingInOrder: [Int] {
    departure.indices.filter { reason[$0].leaves }
      .sorted { (departure[$0], $0) < (departure[$1], $1) }
  }

  /// Households per reason, in `DepartureReason` order.
  public var countsByReason: [Int] {
    var counts = [Int](repeating: 0, count: DepartureReason.allCases.count)
    for value in reason { counts[Int(value.rawValue)] += 1 }
    return counts
  }
}
