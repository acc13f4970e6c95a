/// What a facility is for.
public enum FacilityKind: String, Sendable, CaseIterable {
  case shelter
  case depot
  case station
  case school
  case clinic
  case venue
  /// Guest lodging (hotel, guest house, farm stay, camp site): where
  /// visitors stay.
  case lodging
  /// An electrical substation: the zones it powers lose power when it
  /// floods or burns (三断).
  case substation
  /// A mobile-network base station: the zones it serves lose the network
  /// when it floods or burns.
  case baseStation = "base_station"
}

/// A place the scenario uses: a shelter, a supply depot, a rescue station...
///
/// Shelters carry a capacity in persons and an opening time (seconds from
/// scenario start; 0 means open from the start). Schools, clinics, small
/// venues and lodgings are places where people gather (and may become
/// shelters).
public struct Facility: Hashable, Sendable {
  public var id: String
  public var kind: FacilityKind
  public var name: String?
  /// Index of the access node.
  public var node: Int
  public var position: MapPoint
  /// Persons (shelters, venues, schools); nil when unknown.
  public var capacity: Int?
  /// Seconds from scenario start at which the facility opens.
  public var opensAt: Double
  /// Ids of the zones this facility supplies with power (a substation's
  /// feeders), in the map's order; empty when the map does not say.
  public var powers: [String]
  /// Ids of the zones this facility serves with the network (a base
  /// station's cells), in the map's order; empty when the map does not say.
  public var serves: [String]

  public init(
    id: String, kind: FacilityKind, name: String? = nil, node: Int, position: MapPoint,
    capacity: Int? = nil, opensAt: Double = 0, powers: [String] = [], serves: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.node = node
    self.position = position
    self.capacity = capacity
    self.opensAt = opensAt
    self.powers = powers
    self.serves = serves
  }
}

/// A mapped feature a hazard model starts from: a river, a lake, a forest.
///
/// Rivers are polylines (`closed == false`); water bodies and forest stands
/// are closed rings. Hazard models rasterise them; the map only keeps them.
public struct HazardFeature: Hashable, Sendable {
  public var id: String
  /// `river`, `stream`, `ditch`, `water`, `forest`, `scrub`, ...
  public var kind: String
  public var name: String?
  public var points: [MapPoint]
  public var closed: Bool

  public init(id: String, kind: String, name: String? = nil, points: [MapPoint], closed: Bool) {
    self.id = id
    self.kind = kind
    self.name = name
    self.points = points
    self.closed = closed
  }
}
