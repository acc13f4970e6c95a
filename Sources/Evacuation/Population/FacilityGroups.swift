import Township

/// Population groups the map's facilities imply: pupils at schools during
/// school hours, people needing help at clinics and care homes, guests at
/// lodgings (`PopulationOptions.schoolPersons`, `clinicPersons`,
/// `lodgingGuests`).
///
/// OpenStreetMap says where these places are (amenity=school or
/// kindergarten, clinic, nursing_home, social_facility; tourism=hotel,
/// guest_house, camp_site; see `OSMImporter`) but not how many people are
/// in them, so each place holds the number the options give. Each place
/// belongs to the zone whose point is nearest (ties: the first zone), so
/// its people are warned and counted with that village; they leave from
/// the place itself.
public struct FacilityGroups: Sendable, Equatable {
  /// People at one place.
  public struct Unit: Sendable, Equatable {
    /// Index of the facility in the map's facilities.
    public var facility: Int
    public var group: PopulationGroup
    public var persons: Int
    public var node: Int
    public var position: MapPoint
  }

  /// The units of each zone (by zone index), in the map's facility order.
  public private(set) var byZone: [[Unit]]

  /// The units `options` derive from `township`'s facilities.
  public init(township: Township, options: PopulationOptions) {
    byZone = [[Unit]](repeating: [], count: township.zones.count)
    guard !township.zones.isEmpty else { return }
    // Nearest zone (ties: the first) through an index, not a pass over
    // every zone per facility, which was quadratic in a county; built at
    // the first place that holds people (by default none does).
    var zoneCentres: SpatialIndex?
    for (index, facility) in township.facilities.enumerated() {
      let group: PopulationGroup
      let persons: Int
      switch facility.kind {
      case .school where options.schoolInSession:
        (group, persons) = (.school, options.schoolPersons)
      case .clinic: (group, persons) = (.clinic, options.clinicPersons)
      case .lodging: (group, persons) = (.visitors, options.lodgingGuests)
      default: continue
      }
      guard persons > 0 else { continue }
      let centres =
        zoneCentres
        ?? SpatialIndex(points: township.zones.map(\.position), cellSize: FacilitySites.cellSize)
      zoneCentres = centres
      let nearest = centres.nearestNode(to: facility.position) ?? 0
      byZone[nearest].append(
        Unit(
          facility: index, group: group, persons: persons, node: facility.node,
          position: facility.position))
    }
  }
}
