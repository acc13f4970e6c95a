import Foundation
import Township

/// The township as one run sees it: the map, its routers and spatial index,
/// and which links are closed right now.
///
/// One per run, so closures made by a scenario (a flooded road, a burning
/// bridge) affect only that run. Driving respects one-ways at each road's
/// free speed; walking uses roads and paths both ways and is routed once at
/// 1 m/s, so a walker's time is the route's length over their own speed.
public final class LiveMap {
  public let township: Township
  let index: SpatialIndex
  let driving: Router
  let walking: Router
  var placeByID: [String: Int] = [:]
  var ambiguous: Set<String> = []
  /// Links the script closed with `close(link:)`.
  var closedByScript: Set<String> = []
  /// Links a hazard closed, for which modes, by hazard (in the order the
  /// hazards first closed the link).
  var hazardClosures: [String: [(source: String, closure: HazardClosure)]] = [:]
  /// Told of every link whose closures were set (see `observeClosures`).
  var closureObservers: [(Int, HazardClosure) -> Void] = []

  /// How a route is travelled.
  public enum Mode: Sendable, Equatable {
    case drive
    case walk(speed: Double)
  }

  /// A route between two places.
  public struct Route: Sendable, Equatable {
    public let links: [String]
    public let seconds: Double
    public let metres: Double
  }

  public init(township: Township) {
    self.township = township
    index = SpatialIndex(nodes: township.nodes, links: township.links)
    driving = Router(township: township, mode: .drive)
    walking = Router(township: township, mode: .walk(speed: 1))
    // Places by id: nodes, then zones and facilities by their node. An id
    // used by two different places is refused when asked for.
    func add(_ id: String, _ node: Int) {
      if let known = placeByID[id], known != node { ambiguous.insert(id) }
      placeByID[id] = node
    }
    for (i, node) in township.nodes.enumerated() { add(node.id, i) }
    for zone in township.zones { add(zone.id, zone.node) }
    for facility in township.facilities { add(facility.id, facility.node) }
  }

  /// Reads a map file: GeoJSON in the drillsim schema.
  public static func load(path: String, field: String) throws(ScenarioError) -> LiveMap {
    let lower = path.lowercased()
    guard lower.hasSuffix(".geojson") || lower.hasSuffix(".json") else {
      throw ScenarioError(
        "scenario field '\(field)'",
        "\(path) is not a GeoJSON map; convert OSM first with `drillsim map import FILE --out MAP.geojson`"
      )
    }
    do {
      return LiveMap(township: try Township.readGeoJSON(path: path))
    } catch {
      throw ScenarioError("", error.description)
    }
  }

  /// The node of a node, zone or facility id.
  public func node(of place: String) throws(ScenarioError) -> Int {
    guard !ambiguous.contains(place) else {
      throw ScenarioError("", "'\(place)' names two different places on the map")
    }
    guard let node = placeByID[place] else {
      throw ScenarioError("", "no node, zone or facility '\(place)' on the map")
    }
    return node
  }

  /// The fastest open route, or nil when every route is closed.
  public func route(from source: Int, to target: Int, mode: Mode) -> Route? {
    let result: RouteResult
    var speed = 1.0
    switch mode {
    case .drive: result = driving.route(from: source, to: target)
    case .walk(let s):
      speed = s
      result = walking.route(from: source, to: target)
    }
    guard case .found(let links, let seconds) = result else { return nil }
    let metres = links.reduce(0) { $0 + township.links[$1].length }
    return Route(
      links: links.map { township.links[$0].id },
      seconds: mode == .drive ? seconds : seconds / speed, metres: metres)
  }

  /// Closes a link for every mode; false for an unknown id.
  @discardableResult
  public func close(link id: String) -> Bool {
    guard township.linkIndex(of: id) != nil else { return false }
    closedByScript.insert(id)
    applyClosures(of: id)
    return true
  }

  /// Reopens a link the script closed; false for an unknown id.
  ///
  /// A hazard's closure (see `setHazardClosure`) stays until the hazard
  /// lifts it.
  @discardableResult
  public func open(link id: String) -> Bool {
    guard township.linkIndex(of: id) != nil else { return false }
    closedByScript.remove(id)
    applyClosures(of: id)
    return true
  }

  public func isClosed(link id: String) -> Bool? {
    township.linkIndex(of: id).map { driving.isClosed(linkIndex: $0) }
  }

  /// The nearest node to a point of the local frame.
  public func nearestNode(x: Double, y: Double) -> String? {
    index.nearestNode(to: MapPoint(x: x, y: y)).map { township.nodes[$0].id }
  }

  /// Links with a point of their shape within `radius` metres, nearest
  /// first (ties by id).
  public func links(nearX x: Double, y: Double, radius: Double) -> [String] {
    let centre = MapPoint(x: x, y: y)
    let candidates = index.links(
      inRectangleFrom: MapPoint(x: x - radius, y: y - radius),
      to: MapPoint(x: x + radius, y: y + radius))
    var hits: [(distance: Double, id: String)] = []
    for i in candidates {
      let link = township.links[i]
      let shape =
        link.shape.isEmpty
        ? [township.nodes[link.from].position, township.nodes[link.to].position] : link.shape
      var best = Double.infinity
      for k in shape.indices.dropFirst() {
        best = min(best, LiveMap.distance(centre, shape[k - 1], shape[k]))
      }
      if shape.count == 1 { best = shape[0].distance(to: centre) }
      if best <= radius { hits.append((best, link.id)) }
    }
    return hits.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.map(\.id)
  }

  /// Distance from a point to a segment.
  static func distance(_ p: MapPoint, _ a: MapPoint, _ b: MapPoint) -> Double {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let length2 = dx * dx + dy * dy
    guard length2 > 0 else { return p.distance(to: a) }
    let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
    return p.distance(to: MapPoint(x: a.x + t * dx, y: a.y + t * dy))
  }
}
