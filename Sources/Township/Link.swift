import Foundation

/// How a link is travelled: by vehicles on a road, by walkers on a path.
public enum LinkMode: String, Sendable, CaseIterable {
  case road
  case path
}

/// A directed link between two nodes, with the attributes movement needs.
///
/// A link runs `from` -> `to`; unless `oneway` is set it can also be used
/// `to` -> `from` with the same attributes (lanes and capacity are per
/// direction), so closing a link by id closes both directions at once. On
/// roads, `speed` is the free speed of vehicles and `capacity` vehicles per
/// second; on paths, `speed` is a nominal walking speed (walkers use their
/// own) and `capacity` persons per second.
public struct Link: Hashable, Sendable {
  public var id: String
  /// Index of the start node in `Township.nodes`.
  public var from: Int
  /// Index of the end node in `Township.nodes`.
  public var to: Int
  /// Metres along the shape.
  public var length: Double
  public var mode: LinkMode
  /// Lanes per direction (roads).
  public var lanes: Int
  /// Free speed, metres per second.
  public var speed: Double
  /// Flow capacity per second and direction: vehicles (roads) or persons (paths).
  public var capacity: Double
  /// Walkable width in metres (paths).
  public var width: Double
  public var oneway: Bool
  /// The OSM highway class the defaults came from, if any (`residential`, ...).
  public var roadClass: String?
  /// The polyline from `from` to `to` in the local frame (at least the two ends).
  public var shape: [MapPoint]

  public init(
    id: String, from: Int, to: Int, length: Double, mode: LinkMode, lanes: Int = 1,
    speed: Double, capacity: Double, width: Double = Link.defaultPathWidth, oneway: Bool = false,
    roadClass: String? = nil, shape: [MapPoint] = []
  ) {
    self.id = id
    self.from = from
    self.to = to
    self.length = length
    self.mode = mode
    self.lanes = lanes
    self.speed = speed
    self.capacity = capacity
    self.width = width
    self.oneway = oneway
    self.roadClass = roadClass
    self.shape = shape
  }

  /// Path width when a map gives none (DESIGN.md §4).
  public static let defaultPathWidth = 2.0
  /// Road space one queued vehicle takes: MATSim's effective cell size,
  /// 7.5 m (reference/evacuation.md §3.2, "Jam spacing").
  public static let vehicleSpacing = 7.5
  /// Jam density of walkers, 3.76 persons/m2 (SFPE 1/a; reference/evacuation.md §3.1).
  public static let pedestrianJamDensity = 3.76

  /// How many vehicles (roads) or persons (paths) fit on the link per direction.
  ///
  /// Roads: ceil(length x lanes / 7.5 m) vehicles; paths: length x width x
  /// 3.76 persons/m2 (DESIGN.md §4). At least one, so a very short link can
  /// still hold the unit that is crossing it.
  public var storage: Double {
    switch mode {
    case .road: return max(1, (length * Double(lanes) / Link.vehicleSpacing).rounded(.up))
    case .path: return max(1, length * width * Link.pedestrianJamDensity)
    }
  }

  /// Seconds to traverse the link at free speed.
  public var freeTravelTime: Double { length / speed }
}
