/// A population group: who a household is, for pre-movement, channel reach
/// and assistance.
///
/// The names are the keys of a zone's `groups` shares in map files
/// (`groups = { elderly = 0.2 }`); `residents` is everyone not in another
/// group. Schools and clinics are institutions, moved as one unit by their
/// staff; visitors are guests at farm stays (民宿, 农家乐), in parties.
public enum PopulationGroup: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
  case residents
  case elderly
  case children
  case mobilityImpaired
  case visitors
  case school
  case clinic

  /// The name used in map files and Lua (`mobility_impaired`).
  public var name: String {
    switch self {
    case .residents: "residents"
    case .elderly: "elderly"
    case .children: "children"
    case .mobilityImpaired: "mobility_impaired"
    case .visitors: "visitors"
    case .school: "school"
    case .clinic: "clinic"
    }
  }

  /// The group with this map or Lua name.
  public init?(name: String) {
    guard let group = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = group
  }

  /// True for groups that live in resident households (the others are
  /// parties or institutions added beside the zone's households).
  public var isResident: Bool { rawValue <= PopulationGroup.mobilityImpaired.rawValue }

  public var description: String { name }

  public static func < (a: PopulationGroup, b: PopulationGroup) -> Bool { a.rawValue < b.rawValue }
}

/// The set of groups a household's members belong to, one bit per group.
public struct PopulationGroups: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The set holding only `group`.
  public init(_ group: PopulationGroup) { rawValue = 1 << UInt8(group.rawValue) }

  /// True when some member belongs to `group`.
  public func contains(_ group: PopulationGroup) -> Bool {
    rawValue & (1 << UInt8(group.rawValue)) != 0
  }

  /// Adds `group`.
  public mutating func insert(_ group: PopulationGroup) {
    formUnion(PopulationGroups(group))
  }

  /// The group that decides the household's pre-movement and reach: an
  /// institution or party first, then the slowest member group
  /// (mobility-impaired, elderly, children), else residents.
  public var lead: PopulationGroup {
    let order: [PopulationGroup] = [
      .clinic, .school, .visitors, .mobilityImpaired, .elderly, .children,
    ]
    return order.first { contains($0) } ?? .residents
  }
}
