/// Facilities from amenities and hazard features from water and forest.
///
/// Amenity mapping: townhall -> shelter and depot (the village hall is
/// where the township keeps its reserve), school -> shelter and school (a
/// shelter after hours, pupils in it during school hours),
/// community_centre -> shelter, fire_station -> station, kindergarten ->
/// school, clinic / hospital / doctors / nursing_home / social_facility
/// -> clinic (people who need help to leave), place_of_worship -> venue.
/// Tourism mapping: hotel / guest_house / hostel / chalet / camp_site /
/// caravan_site -> lodging (visitors). Shelter capacities come from
/// `OSMImportOptions.shelterCapacity`. Features mapped as nodes and as
/// building outlines (vertex centroid) both count; a node and an outline
/// that map the same facility are merged into one (see
/// `mergingDuplicates(nodes:ways:)`).
extension OSMImporter {
  static let facilityKinds: [String: [FacilityKind]] = [
    "townhall": [.shelter, .depot],
    "school": [.shelter, .school],
    "community_centre": [.shelter],
    "fire_station": [.station],
    "kindergarten": [.school],
    "clinic": [.clinic],
    "hospital": [.clinic],
    "doctors": [.clinic],
    "nursing_home": [.clinic],
    "social_facility": [.clinic],
    "place_of_worship": [.venue],
  ]

  /// Lodging by `tourism` tag, read when a feature has no mapped amenity.
  static let lodgingTourism: Set<String> = [
    "hotel", "guest_house", "hostel", "chalet", "camp_site", "caravan_site",
  ]

  /// The facility kinds of a feature's tags, and the tag value they came
  /// from, with `shelter` added where the options give that value a
  /// shelter capacity: a planner designates churches, kindergartens or
  /// fire stations as shelters for a drill by giving them places.
  func designatedKinds(of tags: [String: String]) -> (value: String, kinds: [FacilityKind])? {
    guard var (value, kinds) = Self.kinds(of: tags) else { return nil }
    if options.shelterCapacity[value] != nil, !kinds.contains(.shelter) { kinds.append(.shelter) }
    return (value, kinds)
  }

  /// The facility kinds of a feature's tags, and the tag value they came from.
  static func kinds(of tags: [String: String]) -> (value: String, kinds: [FacilityKind])? {
    if let amenity = tags["amenity"], let kinds = facilityKinds[amenity] {
      return (amenity, kinds)
    }
    if let tourism = tags["tourism"], lodgingTourism.contains(tourism) {
      return (tourism, [.lodging])
    }
    return nil
  }

  /// Facilities from amenity and lodging features, a node and an outline of one facility merged.
  ///
  /// Sources are nodes then ways, each sorted by OSM id, so facility order
  /// and ids do not depend on the extract's element order.
  mutating func buildFacilities(anchor: NetworkAnchor) {
    var nodeSources: [FacilitySource] = []
    for node in extract.taggedNodes.sorted(by: { $0.id < $1.id })
    where node.tags["amenity"] != nil || node.tags["tourism"] != nil {
      guard let (value, kinds) = designatedKinds(of: node.tags) else { continue }
      nodeSources.append(
        FacilitySource(
          id: "n\(node.id)", nodeID: node.id, tagValue: value, kinds: kinds,
          name: node.tags["name"], coordinate: node.coordinate))
    }
    var waySources: [(source: FacilitySource, way: OSMExtract.Way)] = []
    for way in extract.ways.sorted(by: { $0.id < $1.id })
    where way.tags["amenity"] != nil || way.tags["tourism"] != nil {
      guard let centroid = centroid(of: way.nodeRefs) else { continue }
      guard let (value, kinds) = designatedKinds(of: way.tags) else { continue }
      waySources.append(
        (
          FacilitySource(
            id: "w\(way.id)", nodeID: nil, tagValue: value, kinds: kinds, name: way.tags["name"],
            coordinate: centroid),
          way
        ))
    }
    let sources = mergingDuplicates(nodes: nodeSources, ways: waySources)
    for source in sources {
      if source.tagValue == "fire_station" { report.fireStations += 1 }
      let point = projection.project(source.coordinate)
      guard let node = anchor.node(near: point) else { continue }
      for kind in source.kinds {
        let capacity = kind == .shelter ? options.shelterCapacity[source.tagValue] : nil
        facilities.append(
          Facility(
            id: "\(kind.rawValue)-\(source.id)", kind: kind, name: source.name, node: node,
            position: point, capacity: capacity))
      }
    }
  }

  mutating func buildHazards() {
    let lines: Set<String> = ["river", "stream", "canal", "ditch", "drain"]
    for way in extract.ways.sorted(by: { $0.id < $1.id }) {
      let kind: String
      let closed: Bool
      if let waterway = way.tags["waterway"], lines.contains(waterway) {
        (kind, closed) = (waterway, false)
      } else if way.tags["waterway"] == "riverbank" || way.tags["natural"] == "water"
        || way.tags["landuse"] == "reservoir" || way.tags["landuse"] == "basin"
      {
        (kind, closed) = ("water", true)
      } else if way.tags["landuse"] == "forest" || way.tags["natural"] == "wood" {
        (kind, closed) = ("forest", true)
      } else if way.tags["natural"] == "scrub" {
        (kind, closed) = ("scrub", true)
      } else {
        continue
      }
      if closed && !isClosed(way) { continue }
      let points = way.nodeRefs.compactMap(point)
      hazards.append(
        HazardFeature(
          id: "h\(way.id)", kind: kind, name: way.tags["name"], points: points, closed: closed))
    }
  }
}
