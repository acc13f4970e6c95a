import Foundation

/// Reads a map in the drillsim GeoJSON schema (see `Township.geoJSONText`).
///
/// Checks every feature as it goes and throws a `MapError` naming the file
/// and the feature index: a bad geometry, an unknown layer, a link or zone
/// that refers to a missing node. Missing link attributes take the same
/// defaults as an untagged OSM road (`RoadClass` "road") or path.
struct GeoJSONMapReader {
  let file: String
  var projection: LocalProjection?
  var nodes: [Node] = []
  var nodeIndexByID: [String: Int] = [:]
  var links: [Link] = []
  var zones: [Zone] = []
  var grids: [Grid] = []
  var facilities: [Facility] = []
  var hazards: [HazardFeature] = []

  /// Reads and checks a GeoJSON map file.
  static func read(path: String) throws(MapError) -> Township {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MapError(file: path, .whole, "cannot read the file")
    }
    return try read(data: data, file: path)
  }

  static func read(data: Data, file: String) throws(MapError) -> Township {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      // The parser's debug description names the line and column.
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      throw MapError(
        file: file, .whole, "not valid JSON: \(detail ?? error.localizedDescription)")
    }
    guard let collection = root as? [String: Any],
      collection["type"] as? String == "FeatureCollection",
      let features = collection["features"] as? [Any]
    else {
      throw MapError(file: file, .whole, "expected a GeoJSON FeatureCollection with features")
    }
    var reader = GeoJSONMapReader(file: file)
    if collection["crs"] as? String != "local" {
      if let origin = collection["origin"] as? [Any], origin.count == 2,
        let lon = (origin[0] as? NSNumber)?.doubleValue,
        let lat = (origin[1] as? NSNumber)?.doubleValue
      {
        reader.projection = LocalProjection(origin: GeoCoordinate(longitude: lon, latitude: lat))
      } else {
        reader.projection = LocalProjection(centeredOn: Self.allPositions(features))
      }
    }
    // Nodes first, so links may come in any order.
    let layered = try features.enumerated().map { (index, raw) throws(MapError) in
      guard let feature = raw as? [String: Any], feature["type"] as? String == "Feature",
        let properties = feature["properties"] as? [String: Any],
        let layer = properties["layer"] as? String
      else {
        throw MapError(file: file, .feature(index), "expected a Feature with properties.layer")
      }
      return (index, layer, feature["geometry"], properties)
    }
    for (index, layer, geometry, properties) in layered where layer == "nodes" {
      try reader.addNode(index, geometry, properties)
    }
    for (index, layer, geometry, properties) in layered where layer != "nodes" {
      let context = FeatureContext(file: file, index: index, properties: properties)
      switch layer {
      case "links": try reader.addLink(context, geometry)
      case "zones": try reader.addZone(context, geometry)
      case "grids":
        reader.grids.append(
          Grid(
            id: try context.string("id"), zone: try context.string("zone"),
            responsible: try context.optionalString("responsible")))
      case "facilities": try reader.addFacility(context, geometry)
      case "hazards": try reader.addHazard(context, geometry)
      default:
        throw MapError(file: file, .feature(index), "unknown layer \"\(layer)\"")
      }
    }
    return try Township(
      nodes: reader.nodes, links: reader.links, zones: reader.zones, grids: reader.grids,
      facilities: reader.facilities, hazards: reader.hazards, projection: reader.projection,
      file: file)
  }

  private static func allPositions(_ features: [Any]) -> [GeoCoordinate] {
    var found: [GeoCoordinate] = []
    for raw in features {
      guard let feature = raw as? [String: Any],
        let geometry = feature["geometry"] as? [String: Any],
        geometry["type"] as? String == "Point", let c = geometry["coordinates"] as? [Any],
        c.count >= 2,
        let lon = (c[0] as? NSNumber)?.doubleValue, let lat = (c[1] as? NSNumber)?.doubleValue
      else { continue }
      found.append(GeoCoordinate(longitude: lon, latitude: lat))
    }
    return found
  }

  // MARK: Geometry

  func position(_ raw: Any?, _ index: Int) throws(MapError) -> MapPoint {
    guard let values = raw as? [Any], values.count == 2 || values.count == 3,
      let a = (values[0] as? NSNumber)?.doubleValue, let b = (values[1] as? NSNumber)?.doubleValue,
      a.isFinite, b.isFinite
    else {
      throw MapError(file: file, .feature(index), "bad position: expected [x, y] numbers")
    }
    guard let projection else { return MapPoint(x: a, y: b) }
    guard (-180...180).contains(a), (-90...90).contains(b) else {
      throw MapError(file: file, .feature(index), "position [\(a), \(b)] is not WGS84 lon/lat")
    }
    return projection.project(GeoCoordinate(longitude: a, latitude: b))
  }

  func geometry(_ raw: Any?, _ index: Int) throws(MapError) -> (type: String, points: [MapPoint])? {
    if raw == nil || raw is NSNull { return nil }
    guard let object = raw as? [String: Any], let type = object["type"] as? String else {
      throw MapError(file: file, .feature(index), "bad geometry: expected an object with a type")
    }
    switch type {
    case "Point":
      return (type, [try position(object["coordinates"], index)])
    case "LineString":
      guard let list = object["coordinates"] as? [Any], list.count >= 2 else {
        throw MapError(file: file, .feature(index), "bad geometry: a LineString needs 2 positions")
      }
      return (type, try list.map { (p) throws(MapError) in try position(p, index) })
    case "Polygon":
      guard let rings = object["coordinates"] as? [Any], let outer = rings.first as? [Any],
        outer.count >= 4
      else {
        throw MapError(
          file: file, .feature(index), "bad geometry: a Polygon ring needs 4 positions")
      }
      return (type, try outer.map { (p) throws(MapError) in try position(p, index) })
    default:
      throw MapError(file: file, .feature(index), "unsupported geometry type \"\(type)\"")
    }
  }

  func node(_ context: FeatureContext, _ key: String) throws(MapError) -> Int {
    let id = try context.string(key)
    guard let index = nodeIndexByID[id] else {
      throw MapError(
        file: file, .feature(context.index), "\(key) refers to a missing node \"\(id)\"")
    }
    return index
  }
}
