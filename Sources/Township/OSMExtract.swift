/// The parts of an OSM XML extract a township map is built from.
///
/// Reading keeps only what the importer uses: ways with a tag it knows
/// (highway, building, landuse, natural, waterway, amenity, place), nodes
/// with such tags, and the coordinates of the nodes those ways reference.
/// It makes two streaming passes over the file: the first keeps ways and
/// tagged nodes, the second fetches the coordinates of referenced nodes. So
/// memory grows with the kept features, not with the size of the extract
/// (OSM XML lists nodes before the ways that use them).
public struct OSMExtract: Sendable {
  /// A kept way: its id, tags and node references, in order.
  public struct Way: Sendable {
    public var id: Int64
    public var tags: [String: String]
    public var nodeRefs: [Int64]
  }

  /// A kept tagged node (amenity, place, ...).
  public struct TaggedNode: Sendable {
    public var id: Int64
    public var coordinate: GeoCoordinate
    public var tags: [String: String]
  }

  public var ways: [Way] = []
  public var taggedNodes: [TaggedNode] = []
  /// Coordinates of the nodes that kept ways reference.
  public var coordinates: [Int64: GeoCoordinate] = [:]
  /// The `<bounds>` the extract declares (south-west, north-east), if any.
  public var bounds: (low: GeoCoordinate, high: GeoCoordinate)?
  /// Relations seen (multipolygons and routes are not imported; reported).
  public var relationCount = 0
  /// Way references to nodes missing from the file.
  public var missingNodeRefs = 0

  /// The tag keys that make a way or node worth keeping.
  static let keptKeys: Set<String> = [
    "highway", "building", "landuse", "natural", "waterway", "amenity", "place", "tourism",
  ]

  /// Reads an `.osm` or `.osm.gz` file.
  public static func read(path: String) throws(MapError) -> OSMExtract {
    var extract = OSMExtract()
    try extract.readWaysAndTaggedNodes(path: path)
    var needed = Set<Int64>()
    for way in extract.ways { needed.formUnion(way.nodeRefs) }
    try extract.readCoordinates(of: needed, path: path)
    for way in extract.ways {
      for ref in way.nodeRefs where extract.coordinates[ref] == nil {
        extract.missingNodeRefs += 1
      }
    }
    extract.ways.removeAll { way in way.nodeRefs.contains { extract.coordinates[$0] == nil } }
    return extract
  }

  /// Whether a way has a node inside the declared bounds (true without bounds).
  public func touchesBounds(_ way: Way) -> Bool {
    guard let bounds else { return true }
    return way.nodeRefs.contains { ref in
      guard let c = coordinates[ref] else { return false }
      return c.latitude >= bounds.low.latitude && c.latitude <= bounds.high.latitude
        && c.longitude >= bounds.low.longitude && c.longitude <= bounds.high.longitude
    }
  }

  private mutating func readWaysAndTaggedNodes(path: String) throws(MapError) {
    let scanner = XMLTagScanner(reader: try ChunkedFileReader(path: path))
    var current: (kind: UInt8, id: Int64, coordinate: GeoCoordinate?)?
    var tags: [String: String] = [:]
    var refs: [Int64] = []
    var sawOSMRoot = false
    while true {
      switch try scanner.next() {
      case .finished:
        guard sawOSMRoot else {
          throw MapError(file: path, .whole, "not an OSM XML file (no <osm> element)")
        }
        return
      case .start(let selfClosing):
        if scanner.isNamed("osm") {
          sawOSMRoot = true
        } else if scanner.isNamed("node") || scanner.isNamed("way") {
          let isNode = scanner.isNamed("node")
          guard let id = scanner.integerAttribute("id") else {
            throw MapError(file: path, .line(scanner.line), "a node or way without an id")
          }
          var coordinate: GeoCoordinate?
          if isNode {
            guard let lat = scanner.doubleAttribute("lat"),
              let lon = scanner.doubleAttribute("lon"),
              (-90...90).contains(lat), (-180...180).contains(lon)
            else {
              throw MapError(file: path, .line(scanner.line), "node \(id) has no valid lat/lon")
            }
            coordinate = GeoCoordinate(longitude: lon, latitude: lat)
          }
          tags.removeAll(keepingCapacity: true)
          refs.removeAll(keepingCapacity: true)
          current = (isNode ? 0 : 1, id, coordinate)
          if selfClosing { keep(current, tags: tags, refs: refs) }
          if selfClosing { current = nil }
        } else if scanner.isNamed("bounds"), let south = scanner.doubleAttribute("minlat"),
          let west = scanner.doubleAttribute("minlon"),
          let north = scanner.doubleAttribute("maxlat"),
          let east = scanner.doubleAttribute("maxlon")
        {
          bounds = (
            GeoCoordinate(longitude: west, latitude: south),
            GeoCoordinate(longitude: east, latitude: north)
          )
        } else if scanner.isNamed("relation") {
          relationCount += 1
        } else if scanner.isNamed("tag"), current != nil {
          guard let key = try scanner.attribute("k"), let value = try scanner.attribute("v") else {
            throw MapError(file: path, .line(scanner.line), "a <tag> without k or v")
          }
          tags[key] = value
        } else if scanner.isNamed("nd"), current != nil {
          guard let ref = scanner.integerAttribute("ref") else {
            throw MapError(file: path, .line(scanner.line), "an <nd> without ref")
          }
          refs.append(ref)
        }
      case .end:
        if scanner.isNamed("node") || scanner.isNamed("way") {
          keep(current, tags: tags, refs: refs)
          current = nil
        }
      }
    }
  }

  private mutating func keep(
    _ element: (kind: UInt8, id: Int64, coordinate: GeoCoordinate?)?,
    tags: [String: String], refs: [Int64]
  ) {
    guard let element, tags.keys.contains(where: Self.keptKeys.contains) else { return }
    if element.kind == 0, let coordinate = element.coordinate {
      taggedNodes.append(TaggedNode(id: element.id, coordinate: coordinate, tags: tags))
    } else if element.kind == 1, refs.count >= 2 {
      ways.append(Way(id: element.id, tags: tags, nodeRefs: refs))
    }
  }

  private mutating func readCoordinates(of needed: Set<Int64>, path: String) throws(MapError) {
    let scanner = XMLTagScanner(reader: try ChunkedFileReader(path: path))
    coordinates.reserveCapacity(needed.count)
    while true {
      switch try scanner.next() {
      case .finished: return
      case .start:
        guard scanner.isNamed("node"), let id = scanner.integerAttribute("id"), needed.contains(id),
          let lat = scanner.doubleAttribute("lat"), let lon = scanner.doubleAttribute("lon")
        else { continue }
        coordinates[id] = GeoCoordinate(longitude: lon, latitude: lat)
      case .end: continue
      }
    }
  }
}
