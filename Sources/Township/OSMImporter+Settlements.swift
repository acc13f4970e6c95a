/// Zones, grids and households from places, residential landuse and buildings.
///
/// Zone centres are `place=*` nodes (village, hamlet, town, suburb, ...)
/// plus residential landuse areas with no place node within 1 km. A
/// residential building is a closed way whose `building` is one of
/// house, residential, detached, semidetached_house, terrace, apartments,
/// bungalow, farm, dormitory — or `yes` (most of OSM) with no amenity,
/// shop, office, craft, tourism, leisure or man_made tag and a vertex
/// centroid outside every industrial, commercial, retail, military,
/// railway, farmyard, garages, cemetery, allotments or religious landuse
/// area. Each building counts `building:flats` households when tagged, else
/// `householdsPerBuilding`, and goes to the nearest zone centre within
/// `zoneRadius`. One grid (网格) per zone; OSM names no responsible person.
extension OSMImporter {
  static let placeKinds: Set<String> = [
    "city", "town", "village", "suburb", "quarter", "neighbourhood", "hamlet",
    "isolated_dwelling",
  ]
  static let residentialBuildingValues: Set<String> = [
    "house", "residential", "detached", "semidetached_house", "terrace", "apartments",
    "bungalow", "farm", "dormitory", "yes",
  ]
  static let nonResidentialUseKeys = [
    "amenity", "shop", "office", "craft", "tourism", "leisure", "man_made",
  ]
  static let nonResidentialLanduse: Set<String> = [
    "industrial", "commercial", "retail", "military", "railway", "farmyard", "garages",
    "cemetery", "allotments", "religious",
  ]

  mutating func buildSettlements(anchor: NetworkAnchor) {
    var centres: [(id: String, name: String?, point: MapPoint)] = []
    for node in extract.taggedNodes.sorted(by: { $0.id < $1.id })
    where node.tags["place"].map(Self.placeKinds.contains) == true {
      centres.append(("z\(node.id)", node.tags["name"], projection.project(node.coordinate)))
    }
    let placeCentres = centres
    for way in extract.ways.sorted(by: { $0.id < $1.id }) where way.tags["landuse"] == "residential"
    {
      guard let centroid = centroid(of: way.nodeRefs) else { continue }
      let point = projection.project(centroid)
      if !placeCentres.contains(where: { $0.point.distance(to: point) <= 1000 }) {
        centres.append(("zw\(way.id)", way.tags["name"], point))
      }
    }
    var excluded: [PolygonRing] = []
    for way in extract.ways
    where way.tags["landuse"].map(Self.nonResidentialLanduse.contains) == true && isClosed(way) {
      excluded.append(PolygonRing(way.nodeRefs.compactMap { extract.coordinates[$0] }))
    }
    var households = [Double](repeating: 0, count: centres.count)
    for way in extract.ways where isResidentialBuilding(way) {
      guard let centroid = centroid(of: way.nodeRefs) else { continue }
      if way.tags["building"] == "yes", excluded.contains(where: { $0.contains(centroid) }) {
        continue
      }
      report.residentialBuildings += 1
      let point = projection.project(centroid)
      var best: (index: Int, distance: Double)?
      for (index, centre) in centres.enumerated() {
        let distance = centre.point.distance(to: point)
        if distance <= options.zoneRadius, best.map({ distance < $0.distance }) ?? true {
          best = (index, distance)
        }
      }
      guard let best else {
        report.buildingsOutsideZones += 1
        continue
      }
      let flats = way.tags["building:flats"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
      households[best.index] += flats ?? options.householdsPerBuilding
    }
    for (index, centre) in centres.enumerated() {
      guard let node = anchor.node(near: centre.point) else { continue }
      let count = Int(households[index].rounded())
      let gridID = "g-\(centre.id)"
      zones.append(
        Zone(
          id: centre.id, name: centre.name, node: node, position: centre.point,
          population: Int((Double(count) * options.personsPerHousehold).rounded()),
          households: count, grid: gridID))
      grids.append(Grid(id: gridID, zone: centre.id))
      report.households += count
    }
  }

  func isClosed(_ way: OSMExtract.Way) -> Bool {
    way.nodeRefs.count >= 4 && way.nodeRefs.first == way.nodeRefs.last
  }

  func isResidentialBuilding(_ way: OSMExtract.Way) -> Bool {
    guard isClosed(way), let value = way.tags["building"],
      Self.residentialBuildingValues.contains(value)
    else { return false }
    if value == "yes" { return !Self.nonResidentialUseKeys.contains { way.tags[$0] != nil } }
    return true
  }

  /// The mean of a way's distinct vertices (the closing repeat left out).
  func centroid(of refs: [Int64]) -> GeoCoordinate? {
    var vertices = refs
    if vertices.count > 1, vertices.first == vertices.last { vertices.removeLast() }
    var longitude = 0.0
    var latitude = 0.0
    for ref in vertices {
      guard let c = extract.coordinates[ref] else { return nil }
      longitude += c.longitude
      latitude += c.latitude
    }
    guard !vertices.isEmpty else { return nil }
    let n = Double(vertices.count)
    return GeoCoordinate(longitude: longitude / n, latitude: latitude / n)
  }
}

/// A closed ring of WGS84 coordinates with a point-in-polygon test.
///
/// Used on landuse areas during import, in degrees: at township scale the
/// ring's shape in degrees and in metres differ by a near-affine map, which
/// preserves inside/outside.
struct PolygonRing {
  let vertices: [GeoCoordinate]
  let low: GeoCoordinate
  let high: GeoCoordinate

  init(_ vertices: [GeoCoordinate]) {
    self.vertices = vertices
    low = GeoCoordinate(
      longitude: vertices.map(\.longitude).min() ?? 0, latitude: vertices.map(\.latitude).min() ?? 0
    )
    high = GeoCoordinate(
      longitude: vertices.map(\.longitude).max() ?? 0, latitude: vertices.map(\.latitude).max() ?? 0
    )
  }

  /// Even-odd ray casting.
  func contains(_ point: GeoCoordinate) -> Bool {
    guard point.longitude >= low.longitude, point.longitude <= high.longitude,
      point.latitude >= low.latitude, point.latitude <= high.latitude, vertices.count >= 3
    else { return false }
    var inside = false
    var j = vertices.count - 1
    for i in vertices.indices {
      let a = vertices[i]
      let b = vertices[j]
      if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
        let crossing =
          (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude)
          + a.longitude
        if point.longitude < crossing { inside.toggle() }
      }
      j = i
    }
    return inside
  }
}
