/// A township map: the network, the people on it and the places they go.
///
/// Everything is in one local metric frame (metres east and north of the
/// map centre); `projection` converts to and from WGS84 when the map came
/// from geographic data, and is nil for maps drawn in local metres. Links,
/// zones and facilities refer to nodes by index; ids are unique per table.
public struct Township: Sendable {
  public private(set) var nodes: [Node]
  public private(set) var links: [Link]
  public private(set) var zones: [Zone]
  public private(set) var grids: [Grid]
  public private(set) var facilities: [Facility]
  public private(set) var hazards: [HazardFeature]
  public let projection: LocalProjection?

  private var nodeIndexByID: [String: Int]
  private var linkIndexByID: [String: Int]

  /// Creates a map, checking that ids are unique and references resolve.
  ///
  /// `file` is the name errors carry; a failed check throws a `MapError`.
  public init(
    nodes: [Node], links: [Link], zones: [Zone] = [], grids: [Grid] = [],
    facilities: [Facility] = [], hazards: [HazardFeature] = [],
    projection: LocalProjection? = nil, file: String = "map"
  ) throws(MapError) {
    self.nodes = nodes
    self.links = links
    self.zones = zones
    self.grids = grids
    self.facilities = facilities
    self.hazards = hazards
    self.projection = projection
    nodeIndexByID = Dictionary(minimumCapacity: nodes.count)
    linkIndexByID = Dictionary(minimumCapacity: links.count)
    for (index, node) in nodes.enumerated() {
      if nodeIndexByID.updateValue(index, forKey: node.id) != nil {
        throw MapError(file: file, .whole, "duplicate node id \"\(node.id)\"")
      }
    }
    for (index, link) in links.enumerated() {
      if linkIndexByID.updateValue(index, forKey: link.id) != nil {
        throw MapError(file: file, .whole, "duplicate link id \"\(link.id)\"")
      }
      guard nodes.indices.contains(link.from), nodes.indices.contains(link.to) else {
        throw MapError(file: file, .whole, "link \"\(link.id)\" refers to a missing node")
      }
      guard link.length.isFinite, link.length >= 0, link.speed > 0, link.capacity >= 0 else {
        throw MapError(
          file: file, .whole,
          "link \"\(link.id)\" needs length >= 0, speed > 0 and capacity >= 0")
      }
    }
    var zoneIDs = Set<String>()
    for zone in zones {
      guard zoneIDs.insert(zone.id).inserted else {
        throw MapError(file: file, .whole, "duplicate zone id \"\(zone.id)\"")
      }
      guard nodes.indices.contains(zone.node) else {
        throw MapError(file: file, .whole, "zone \"\(zone.id)\" refers to a missing node")
      }
    }
    var facilityIDs = Set<String>()
    for facility in facilities {
      guard facilityIDs.insert(facility.id).inserted else {
        throw MapError(file: file, .whole, "duplicate facility id \"\(facility.id)\"")
      }
      guard nodes.indices.contains(facility.node) else {
        throw MapError(
          file: file, .whole, "facility \"\(facility.id)\" refers to a missing node")
      }
      for zone in facility.powers + facility.serves where !zoneIDs.contains(zone) {
        throw MapError(
          file: file, .whole, "facility \"\(facility.id)\" supplies a missing zone \"\(zone)\"")
      }
    }
  }

  /// The index of the node with this id.
  public func nodeIndex(of id: String) -> Int? { nodeIndexByID[id] }

  /// The index of the link with this id.
  public func linkIndex(of id: String) -> Int? { linkIndexByID[id] }

  /// Total length of road links (each link counted once), metres.
  public var roadLength: Double {
    links.reduce(0) { $0 + ($1.mode == .road ? $1.length : 0) }
  }

  /// Everyone living in the map's zones.
  public var population: Int { zones.reduce(0) { $0 + $1.population } }

  /// Summed capacity of shelters, persons.
  public var shelterCapacity: Int {
    facilities.reduce(0) { $0 + ($1.kind == .shelter ? ($1.capacity ?? 0) : 0) }
  }
}
