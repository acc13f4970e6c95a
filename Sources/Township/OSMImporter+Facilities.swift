/// Facilities from amenities and hazard features from water and forest.
///
/// Amenity mapping: townhall -> shelter and depot (the village hall is
/// where the township keeps its reserve), school and community_centre ->
/// shelter, fire_station -> station, kindergarten -> school, clinic /
/// hospital / doctors -> clinic, place_of_worship -> venue. Shelter
/// capacities come from `OSMImportOptions.shelterCapacity`. Amenities
/// mapped as nodes and as building outlines (vertex centroid) both count.
extension OSMImporter {
  static let facilityKinds: [String: [FacilityKind]] = [
    "townhall": [.shelter, .depot],
    "school": [.shelter],
    "community_centre": [.shelter],
    "fire_station": [.station],
    "kindergarten": [.school],
    "clinic": [.clinic],
    "hospital": [.clinic],
    "doctors": [.clinic],
    "place_of_worship": [.venue],
  ]

  mutating func buildFacilities(anchor: NetworkAnchor) {
    var sources: [(id: String, tags: [String: String], coordinate: GeoCoordinate)] = []
    for node in extract.taggedNodes.sorted(by: { $0.id < $1.id }) where node.tags["amenity"] != nil
    {
      sources.append(("n\(node.id)", node.tags, node.coordinate))
    }
    for way in extract.ways.sorted(by: { $0.id < $1.id }) where way.tags["amenity"] != nil {
      if let centroid = centroid(of: way.nodeRefs) {
        sources.append(("w\(way.id)", way.tags, centroid))
      }
    }
    for source in sources {
      guard let amenity = source.tags["amenity"] else { continue }
      if amenity == "fire_station" { report.fireStations += 1 }
      guard let kinds = Self.facilityKinds[amenity] else { continue }
      let point = projection.project(source.coordinate)
      guard let node = anchor.node(near: point) else { continue }
      for kind in kinds {
        let capacity = kind == .shelter ? options.shelterCapacity[amenity] : nil
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
