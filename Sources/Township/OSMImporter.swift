import Foundation

/// Settings of the OSM import a planner may override.
public struct OSMImportOptions: Sendable {
  /// Households per residential building without a `building:flats` tag.
  ///
  /// 1.0: the shipped extracts are rural Franconian and Lower Austrian
  /// villages of detached houses and farmhouses (a judgement, not a census
  /// figure); override it from the township's household roster.
  public var householdsPerBuilding = 1.0
  /// Persons per household: 2.5 by default, a placeholder; reference/
  /// evacuation.md §3.3 has no verified figure and says to take it from the
  /// township census.
  public var personsPerHousehold = 2.5
  /// Shelter capacity in persons by OSM `amenity` value (judgement values:
  /// a village hall 200, a school 500, a community centre 150).
  ///
  /// A value that is not a shelter by default (`place_of_worship`, `kindergarten`,
  /// `fire_station`, ...) becomes one, beside its own kind, when it is
  /// given a capacity here.
  public var shelterCapacity: [String: Int] = [
    "townhall": 200, "school": 500, "community_centre": 150,
  ]
  /// Buildings farther than this (metres) from every zone centre stay unassigned.
  public var zoneRadius = 2000.0

  public init() {}
}

/// Builds a routable township map from an OSM XML extract.
///
/// Roads come from `highway=*` (classes in `RoadClass.all`) with at least
/// one node inside the extract's declared `<bounds>` (extracts with complete
/// ways or route relations carry far-off roads whose connections were cut;
/// they are counted, not imported), split into
/// links at junctions; villages from `place=*` nodes and residential landuse;
/// households from residential buildings; shelters, depots and stations from
/// amenities; rivers, water and forest from waterway/natural/landuse. After
/// the build, `repairNetwork` fixes one-way dead ends and reports what it
/// changed; nothing is dropped silently.
public struct OSMImporter {
  let extract: OSMExtract
  let options: OSMImportOptions
  let path: String
  let projection: LocalProjection
  var nodes: [Node] = []
  var nodeIndexByOSMID: [Int64: Int] = [:]
  var links: [Link] = []
  /// The OSM way each link came from (parallel to `links`).
  var wayOfLink: [Int64?] = []
  var zones: [Zone] = []
  var grids: [Grid] = []
  var facilities: [Facility] = []
  var hazards: [HazardFeature] = []
  var report = ImportReport()

  /// Reads an `.osm` / `.osm.gz` extract and converts it into a township map.
  public static func importMap(
    path: String, options: OSMImportOptions = OSMImportOptions()
  ) throws(MapError) -> (township: Township, report: ImportReport) {
    let extract = try OSMExtract.read(path: path)
    var importer = OSMImporter(extract: extract, options: options, path: path)
    return try importer.build()
  }

  init(extract: OSMExtract, options: OSMImportOptions, path: String) {
    self.extract = extract
    self.options = options
    self.path = path
    projection = LocalProjection(
      centeredOn: extract.ways.lazy.flatMap { $0.nodeRefs }.compactMap {
        extract.coordinates[$0]
      })
  }

  mutating func build() throws(MapError) -> (township: Township, report: ImportReport) {
    report.relationsSkipped = extract.relationCount
    report.missingNodeRefs = extract.missingNodeRefs
    buildRoadNetwork()
    guard !links.isEmpty else {
      throw MapError(file: path, .whole, "no roads or paths (highway=*) in the extract")
    }
    repairNetwork()
    let anchor = NetworkAnchor(nodes: nodes, links: links)
    buildSettlements(anchor: anchor)
    buildFacilities(anchor: anchor)
    buildHazards()
    let township = try Township(
      nodes: nodes, links: links, zones: zones, grids: grids, facilities: facilities,
      hazards: hazards, projection: projection, file: path)
    report.population = township.population
    report.shelterCapacity = township.shelterCapacity
    return (township, report)
  }

  /// Projects an OSM node by id.
  func point(_ ref: Int64) -> MapPoint? {
    extract.coordinates[ref].map(projection.project)
  }

  /// Splits kept highway ways into links at junctions and ends.
  mutating func buildRoadNetwork() {
    let classified = extract.ways.filter { way in
      way.tags["highway"].flatMap { RoadClass.all[$0] } != nil
    }
    let kept = classified.filter(extract.touchesBounds)
    report.highwayWaysKept = kept.count
    report.highwayWaysOutsideBounds = classified.count - kept.count
    var uses: [Int64: Int] = [:]
    for way in kept {
      for (position, ref) in way.nodeRefs.enumerated() {
        let isEnd = position == 0 || position == way.nodeRefs.count - 1
        uses[ref, default: 0] += isEnd ? 2 : 1
      }
    }
    for way in kept {
      guard let highway = way.tags["highway"], let roadClass = RoadClass.all[highway] else {
        continue
      }
      var segmentStart = 0
      var segment = 0
      for position in 1..<way.nodeRefs.count {
        let ref = way.nodeRefs[position]
        let isLast = position == way.nodeRefs.count - 1
        guard isLast || uses[ref, default: 0] > 1 else { continue }
        let refs = Array(way.nodeRefs[segmentStart...position])
        addLink(way: way, segment: segment, refs: refs, roadClass: roadClass)
        segment += 1
        segmentStart = position
      }
    }
  }

  private mutating func nodeIndex(osmID: Int64) -> Int? {
    if let index = nodeIndexByOSMID[osmID] { return index }
    guard let position = point(osmID) else { return nil }
    nodes.append(Node(id: "n\(osmID)", position: position))
    nodeIndexByOSMID[osmID] = nodes.count - 1
    return nodes.count - 1
  }

  private mutating func addLink(
    way: OSMExtract.Way, segment: Int, refs: [Int64], roadClass: RoadClass
  ) {
    var refs = refs
    let onewayTag = way.tags["oneway"]?.lowercased()
    let roundabout = way.tags["junction"] == "roundabout"
    var oneway = roadClass.impliedOneway || roundabout
    switch onewayTag {
    case "yes", "true", "1": oneway = true
    case "no", "false", "0": oneway = false
    case "-1", "reverse":
      oneway = true
      refs.reverse()
    default: break
    }
    if roadClass.mode == .path { oneway = false }
    let shape = refs.compactMap(point)
    guard shape.count == refs.count, let first = refs.first, let last = refs.last,
      let from = nodeIndex(osmID: first), let to = nodeIndex(osmID: last)
    else { return }
    var length = 0.0
    for index in 1..<shape.count { length += shape[index - 1].distance(to: shape[index]) }
    var lanes = roadClass.lanes
    if let tagged = way.tags["lanes"].flatMap({ Int($0) }), tagged > 0 {
      lanes = oneway ? tagged : max(1, tagged / 2)
    }
    let speed: Double
    let capacity: Double
    var width = Link.defaultPathWidth
    switch roadClass.mode {
    case .road:
      speed =
        way.tags["maxspeed"].flatMap(RoadClass.speed(fromMaxspeed:)) ?? roadClass.speedKmh / 3.6
      capacity = roadClass.capacityPerLane * Double(lanes) / 3600
    case .path:
      if let tagged = way.tags["width"].flatMap({ Double($0.split(separator: " ").first ?? "") }),
        tagged > 0
      {
        width = tagged
      }
      speed = roadClass.speedKmh / 3.6
      capacity = roadClass.capacityPerLane * width
    }
    links.append(
      Link(
        id: "w\(way.id).\(segment)", from: from, to: to, length: length, mode: roadClass.mode,
        lanes: lanes, speed: speed, capacity: capacity, width: width, oneway: oneway,
        roadClass: roadClass.name, shape: shape))
    wayOfLink.append(way.id)
  }
}
