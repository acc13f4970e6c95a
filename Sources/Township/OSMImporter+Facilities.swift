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
/// building outlines (vertex centroid) both count.
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

  mutating func buildFacilities(anchor: NetworkAnchor) {
    var sources: [(id: String, tags: [String: String], coordinate: GeoCoordinate)] = []
    for node in extract.taggedNodes.sorted(by: { $0.id < $1.id })
    where node.tags["amenity"] != nil || node.tags["tourism"] != nil {
      sources.append(("n\(node.id)", node.tags, node.coordinate))
    }
    for way in extract.ways.sorted(by: { $0.id < $1.id })
    where way.tags["amenity"] != nil || way.tags["tourism"] != nil {
      if let centroid = centroid(of: way.nodeRefs) {
        sources.append(("w\(way.id)", way.tags, centroid))
      }
    }
    for source in sources {
      if source.tags["amenity"] == "fire_station" { report.fireStations += 1 }
      guard let (value, kinds) = Self.kinds(of: source.tags) else { continue }
      let point = projection.project(source.coordinate)
      guard let node = anchor.node(near: point) else { continue }
      for kind in kinds {
        let capacity = kind == .shelter ? options.shelterCapacity[value] : nil
        facilities.append(
          Facility(
            id: "\(kind.rawValue)-\(source.id)", kind: kind, name: source.tags["name"], node: node,
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
