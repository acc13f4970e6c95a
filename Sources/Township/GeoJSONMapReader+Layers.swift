import Foundation

/// The per-layer readers: one feature in, one model value out.
extension GeoJSONMapReader {
  mutating func addNode(_ index: Int, _ rawGeometry: Any?, _ properties: [String: Any])
    throws(MapError)
  {
    let context = FeatureContext(file: file, index: index, properties: properties)
    let id = try context.string("id")
    guard let shape = try geometry(rawGeometry, index), shape.type == "Point" else {
      throw MapError(file: file, .feature(index), "bad geometry: a node needs a Point")
    }
    guard nodeIndexByID.updateValue(nodes.count, forKey: id) == nil else {
      throw MapError(file: file, .feature(index), "duplicate node id \"\(id)\"")
    }
    nodes.append(Node(id: id, position: shape.points[0]))
  }

  mutating func addLink(_ context: FeatureContext, _ rawGeometry: Any?) throws(MapError) {
    let from = try node(context, "from")
    let to = try node(context, "to")
    let shapeGeometry = try geometry(rawGeometry, context.index)
    if let shapeGeometry, shapeGeometry.type != "LineString" {
      throw MapError(file: file, .feature(context.index), "bad geometry: a link needs a LineString")
    }
    let shape = shapeGeometry?.points ?? [nodes[from].position, nodes[to].position]
    var measured = 0.0
    for i in 1..<max(1, shape.count) { measured += shape[i - 1].distance(to: shape[i]) }
    let modeName = try context.optionalString("mode") ?? "road"
    guard let mode = LinkMode(rawValue: modeName) else {
      throw MapError(
        file: file, .feature(context.index), "mode must be road or path, not \"\(modeName)\"")
    }
    let lanes = try context.optionalCount("lanes") ?? 1
    let width = try context.optionalNumber("width") ?? Link.defaultPathWidth
    let fallback = RoadClass.all[mode == .road ? "road" : "path"]
    let speed = try context.optionalNumber("speed") ?? (fallback?.speedKmh ?? 50) / 3.6
    let capacity =
      try context.optionalNumber("capacity")
      ?? (mode == .road ? (fallback?.capacityPerLane ?? 600) * Double(lanes) / 3600 : 1.3 * width)
    guard lanes >= 1, speed > 0, capacity >= 0, width > 0 else {
      throw MapError(
        file: file, .feature(context.index),
        "link needs lanes >= 1, speed > 0, capacity >= 0 and width > 0")
    }
    links.append(
      Link(
        id: try context.string("id"), from: from, to: to,
        length: try context.optionalNumber("length") ?? measured, mode: mode, lanes: lanes,
        speed: speed, capacity: capacity, width: width,
        oneway: try context.optionalBool("oneway") ?? false,
        roadClass: try context.optionalString("class"), shape: shape))
  }

  mutating func addZone(_ context: FeatureContext, _ rawGeometry: Any?) throws(MapError) {
    let node = try node(context, "node")
    let position = try geometry(rawGeometry, context.index)?.points.first ?? nodes[node].position
    var groups: [GroupShare] = []
    if let raw = context.properties["groups"] {
      guard let table = raw as? [String: Any] else {
        throw MapError(file: file, .feature(context.index), "groups must be an object of shares")
      }
      for (name, value) in table.sorted(by: { $0.key < $1.key }) {
        guard let share = (value as? NSNumber)?.doubleValue, (0...1).contains(share) else {
          throw MapError(
            file: file, .feature(context.index), "group \(name) needs a share in 0...1")
        }
        groups.append(GroupShare(name: name, share: share))
      }
    }
    zones.append(
      Zone(
        id: try context.string("id"), name: try context.optionalString("name"), node: node,
        position: position, population: try context.optionalCount("population") ?? 0,
        households: try context.optionalCount("households") ?? 0,
        walkSpeed: try context.optionalNumber("walk_speed") ?? Zone.defaultWalkSpeed,
        groups: groups, grid: try context.optionalString("grid")))
  }

  mutating func addFacility(_ context: FeatureContext, _ rawGeometry: Any?) throws(MapError) {
    let kindName = try context.string("kind")
    guard let kind = FacilityKind(rawValue: kindName) else {
      throw MapError(file: file, .feature(context.index), "unknown facility kind \"\(kindName)\"")
    }
    let node = try node(context, "node")
    let position = try geometry(rawGeometry, context.index)?.points.first ?? nodes[node].position
    facilities.append(
      Facility(
        id: try context.string("id"), kind: kind, name: try context.optionalString("name"),
        node: node, position: position,
        capacity: try context.optionalCount("capacity"),
        opensAt: try context.optionalNumber("opens_at") ?? 0,
        powers: try context.optionalStrings("powers") ?? [],
        serves: try context.optionalStrings("serves") ?? []))
  }

  mutating func addHazard(_ context: FeatureContext, _ rawGeometry: Any?) throws(MapError) {
    guard let shape = try geometry(rawGeometry, context.index), shape.type != "Point" else {
      throw MapError(
        file: file, .feature(context.index), "bad geometry: a hazard needs a LineString or Polygon")
    }
    hazards.append(
      HazardFeature(
        id: try context.string("id"), kind: try context.string("kind"),
        name: try context.optionalString("name"), points: shape.points,
        closed: shape.type == "Polygon"))
  }
}

/// One feature's properties, with typed accessors that throw located errors.
struct FeatureContext {
  let file: String
  let index: Int
  let properties: [String: Any]

  func string(_ key: String) throws(MapError) -> String {
    guard let value = try optionalString(key) else {
      throw MapError(file: file, .feature(index), "missing property \"\(key)\"")
    }
    return value
  }

  func optionalString(_ key: String) throws(MapError) -> String? {
    guard let raw = properties[key], !(raw is NSNull) else { return nil }
    guard let value = raw as? String else {
      throw MapError(file: file, .feature(index), "property \"\(key)\" must be a string")
    }
    return value
  }

  func optionalStrings(_ key: String) throws(MapError) -> [String]? {
    guard let raw = properties[key], !(raw is NSNull) else { return nil }
    guard let list = raw as? [Any], let values = list as? [String], values.count == list.count
    else {
      throw MapError(file: file, .feature(index), "property \"\(key)\" must be a list of strings")
    }
    return values
  }

  func optionalNumber(_ key: String) throws(MapError) -> Double? {
    guard let raw = properties[key], !(raw is NSNull) else { return nil }
    guard let value = (raw as? NSNumber)?.doubleValue, value.isFinite, !(raw is String) else {
      throw MapError(file: file, .feature(index), "property \"\(key)\" must be a number")
    }
    return value
  }

  /// A property that counts something (lanes, persons, places).
  ///
  /// It must be a whole number from 0 to `Int32.max`: converting a
  /// fractional or huge JSON number to `Int` would truncate or trap.
  func optionalCount(_ key: String) throws(MapError) -> Int? {
    guard let value = try optionalNumber(key) else { return nil }
    guard value >= 0, value <= Double(Int32.max), value.rounded(.towardZero) == value else {
      throw MapError(
        file: file, .feature(index),
        "property \"\(key)\" must be a whole number from 0 to \(Int32.max), got \(value)")
    }
    return Int(value)
  }

  func optionalBool(_ key: String) throws(MapError) -> Bool? {
    guard let raw = properties[key], !(raw is NSNull) else { return nil }
    guard let value = raw as? Bool else {
      throw MapError(file: file, .feature(index), "property \"\(key)\" must be true or false")
    }
    return value
  }
}

extension Township {
  /// Reads a map in the drillsim GeoJSON schema.
  public static func readGeoJSON(path: String) throws(MapError) -> Township {
    try GeoJSONMapReader.read(path: path)
  }

  /// Reads a map from GeoJSON bytes; `file` names it in errors.
  public static func readGeoJSON(data: Data, file: String) throws(MapError) -> Township {
    try GeoJSONMapReader.read(data: data, file: file)
  }
}
