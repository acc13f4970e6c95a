import Hazards
import Township

/// What the fire does to the map and the places on it, at the arrival
/// times of their cells.
///
/// A link closes to everyone when the fire reaches any cell along it
/// (sampled every half cell, like the flood's) and stays closed for
/// `Rules.roadClosure` after the last of its cells to ignite: a surface
/// fire's flames pass in a minute, but smoke, heat and fallen trees keep a
/// road shut far longer. A zone is burning when the fire reaches its node's
/// cell; a shelter is threatened when the fire reaches a cell within
/// `Rules.shelterRadius` of it; a substation or base station fails when the
/// fire reaches its cell.
///
/// The coupling reads the fire's settled ignitions in arrival order from a
/// cursor, so whoever settles the fire (a query, the run's end), no cell
/// is missed; the caller wakes at each next arrival to keep times exact.
public final class FireCoupling {
  /// The numbers a scenario may change (`sim.fire.thresholds`).
  public struct Rules: Sendable, Equatable {
    /// Seconds a link stays closed after its last cell ignites (1 h).
    public var roadClosure = 3600.0
    /// Metres around a shelter within which the fire threatens it (200 m,
    /// about the distance at which drills move people out of a building
    /// in front of a surface fire).
    public var shelterRadius = 200.0

    public init() {}
  }

  /// A place the fire reached.
  public enum Target: Sendable, Hashable {
    case link(String)
    case zone(String)
    case shelter(String)
    case supplier(String)
  }

  /// The fire reaching a target at a time (sim seconds).
  public struct Arrival: Sendable, Equatable {
    public let target: Target
    public let time: Double
  }

  let map: LiveMap
  unowned let fire: FireModel
  public let rules: Rules
  /// Watched fire cells (row-major index) and the targets in each.
  var watched: [Int: [Target]] = [:]
  /// Zones, shelters and suppliers already reported.
  var reported: Set<Target> = []
  /// Per link id: when it may reopen.
  var reopenAt: [String: Double] = [:]
  /// How many of the fire's settled ignitions have been read.
  var cursor = 0

  public init(map: LiveMap, fire: FireModel, rules: Rules) {
    self.map = map
    self.fire = fire
    self.rules = rules
    let township = map.township
    let size = fire.landscape.cellSize
    func watch(_ point: MapPoint, _ target: Target) {
      guard let (row, column) = fire.cell(x: point.x, y: point.y) else { return }
      let cell = row * fire.landscape.columns + column
      if !(watched[cell] ?? []).contains(target) { watched[cell, default: []].append(target) }
    }
    for index in township.links.indices {
      for point in map.samplePoints(link: index, spacing: size / 2) {
        watch(point, .link(township.links[index].id))
      }
    }
    for zone in township.zones { watch(zone.position, .zone(zone.id)) }
    let reach = Int((rules.shelterRadius / size).rounded(.up))
    for shelter in township.facilities where shelter.kind == .shelter {
      let centre = shelter.position
      watch(centre, .shelter(shelter.id))
      for dy in -reach...reach {
        for dx in -reach...reach {
          let point = MapPoint(x: centre.x + Double(dx) * size, y: centre.y + Double(dy) * size)
          guard let (row, column) = fire.cell(x: point.x, y: point.y) else { continue }
          let cellCentre = fire.frame.centre(column: column, row: row)
          if cellCentre.distance(to: centre) <= rules.shelterRadius {
            watch(cellCentre, .shelter(shelter.id))
          }
        }
      }
    }
    for supplier in OutageBoard.suppliers(of: township) {
      watch(supplier.position, .supplier(supplier.facility))
    }
  }

  /// Settles the fire up to `now` and returns the targets it reached since
  /// the last call, in arrival order (each zone, shelter and supplier
  /// once; a link each time one of its cells ignites while it is open).
  public func settle(until now: Double) -> [Arrival] {
    fire.advance(to: now)
    guard let ignitions = fire.spread?.ignitions else { return [] }
    var arrivals: [Arrival] = []
    let columns = fire.landscape.columns
    while cursor < ignitions.count {
      let ignition = ignitions[cursor]
      cursor += 1
      for target in watched[ignition.row * columns + ignition.column] ?? [] {
        switch target {
        case .link(let id):
          let closed = reopenAt[id] != nil
          reopenAt[id] = max(reopenAt[id] ?? 0, ignition.time + rules.roadClosure)
          if !closed {
            map.setHazardClosure(link: id, .all, source: "fire")
            arrivals.append(Arrival(target: target, time: ignition.time))
          }
        case .zone, .shelter, .supplier:
          guard reported.insert(target).inserted else { continue }
          arrivals.append(Arrival(target: target, time: ignition.time))
        }
      }
    }
    return arrivals
  }

  /// When the next cell will ignite, or nil when the fire is out.
  public var nextArrival: Double? { fire.spread?.peekNextTime() }

  /// When a closed link may reopen (nil if the fire does not close it).
  public func reopenTime(link id: String) -> Double? { reopenAt[id] }

  /// Reopens a link the fire closed if its closure is over at `now`; true
  /// when it reopened.
  public func reopen(link id: String, at now: Double) -> Bool {
    guard let due = reopenAt[id], now >= due else { return false }
    reopenAt[id] = nil
    map.setHazardClosure(link: id, .none, source: "fire")
    return true
  }
}
