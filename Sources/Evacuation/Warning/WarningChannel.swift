/// A way of telling households to leave.
///
/// The channels of a township's warning chain (drill-domain.md §1.3): 村村响
/// loudspeaker broadcast, SMS and WeChat pushes, automated outbound calls,
/// gongs and whistles around a point, and grid staff knocking door to door.
public enum WarningChannel: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
  case broadcast
  case sms
  case call
  case gong
  case door

  /// The channel's name in Lua and metric names.
  public var name: String {
    switch self {
    case .broadcast: "broadcast"
    case .sms: "sms"
    case .call: "call"
    case .gong: "gong"
    case .door: "door"
    }
  }

  /// The channel named `name` (`wechat` is an alias of `sms`).
  public init?(name: String) {
    if name == "wechat" {
      self = .sms
      return
    }
    guard let channel = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = channel
  }

  public var description: String { name }

  public static func < (a: WarningChannel, b: WarningChannel) -> Bool { a.rawValue < b.rawValue }
}

/// What a channel needs to work: mains power, the mobile network, or both
/// (三断: a power or network cut silences the channels that need it).
public struct InfrastructureNeeds: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Mains power at the zone (loudspeakers, the base station).
  public static let power = InfrastructureNeeds(rawValue: 1)
  /// The mobile network at the zone's base station.
  public static let network = InfrastructureNeeds(rawValue: 2)
}
