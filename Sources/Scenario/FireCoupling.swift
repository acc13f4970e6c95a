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
/// cell; a substation or base station fails when the fire reaches its cell.
///
/// A shelter is threatened ahead of the fire, not when it burns: at
/// `Rules.shelterLead` seconds before the fire is predicted to reach a cell
/// within `Rules.shelterRadius` of it, so that it can close and the people
/// heading there re-route while the roads are still open. The prediction is
/// the fire itself run ahead: a copy of its spread, settled to `now + lead`.
/// With the weather fixed at the first ignition the spread is
/// deterministic, so the copy's times are the times the fire will have;
/// only a later ignition changes them, and it can only bring arrivals
/// forward, so the copy is retaken then and no threat is ever late.
///
/// The coupling reads the fire's settled ignitions in arrival order from a
/// cursor, so whoever settles the fire (a query, the run's end), no cell
/// is missed; the caller wakes at each next arrival to keep times exact.
public final class FireCoupling {
  /// The numbers a scenario may change (`sim.fire.thresholds`).
  public struct Rules: Sendable, Equatable {
    /// Seconds a link stays closed after its last cell ignites (1 h).
    public var roadClosure = 3600.0
    /// Metres around a shelter within which the fire threatens it (100 m).
    public var shelterRadius = 100.0
    /// Seconds before the fire's predicted arrival within `shelterRadius`
    /// at which the shelter is threatened (30 min).
    ///
    /// The planning rule behind the two defaults: a shelter must be shut and
    /// its arrivals sent elsewhere half an hour before flames come within
    /// 100 m of it, the trigger-buffer idea of Cova et al. (2005), who set
    /// evacuation trigger points by the fire's travel time to a community.
    /// Half an hour covers a warning, the re-routing of those on the way and
    /// the clearing of its approach roads.
    public var shelterLead = 1800.0
    /// Whether a threatened shelter closes by itself (it admits no one more
    /// and those heading there re-route), or is only reported.
    public var closeThreatenedShelters = true

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
  /// Fire cells within `shelterRadius` of a shelter and the shelters they
  /// threaten; read from the forecast, not the fire.
  var threatening: [Int: [String]] = [:]
  /// The fire run ahead by `shelterLead`, the fire's ignition count it was
  /// copied at, and how many of its ignitions have been read.
  var forecast: FireSpread?
  var forecastRevision = -1
  var forecastCursor = 0
  /// Shelters still to be threatened.
  var shelterCount = 0
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
    func threaten(_ point: MapPoint, _ shelter: String) {
      guard let (row, column) = fire.cell(x: point.x, y: point.y) else { return }
      let cell = row * fire.landscape.columns + column
      if !(threatening[cell] ?? []).contains(shelter) {
        threatening[cell, default: []].append(shelter)
      }
    }
    let reach = Int((rules.shelterRadius / size).rounded(.up))
    for shelter in township.facilities where shelter.kind == .shelter {
      shelterCount += 1
      let centre = shelter.position
      threaten(centre, shelter.id)
      for dy in -reach...reach {
        for dx in -reach...reach {
          let point = MapPoint(x: centre.x + Double(dx) * size, y: centre.y + Double(dy) * size)
          guard let (row, column) = fire.cell(x: point.x, y: point.y) else { continue }
          let cellCentre = fire.frame.centre(column: column, row: row)
          if cellCentre.distance(to: centre) <= rules.shelterRadius {
            threaten(cellCentre, shelter.id)
          }
        }
      }
    }
    for supplier in OutageBoard.suppliers(of: township) {
      watch(supplier.position, .supplier(supplier.facility))
    }
  }

  /// Settles the fire up to `now` and returns the targets it reached since
  /// the last call, in arrival order (each zone and supplier once; a link
  /// each time one of its cells ignites while it is open), then the
  /// shelters threatened by `now` with their predicted arrival times.
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
    return arrivals + threats(until: now)
  }

  /// The shelters threatened by `now`: those with a cell in reach that the
  /// forecast ignites no later than `now + shelterLead`, each once, with
  /// that predicted arrival.
  func threats(until now: Double) -> [Arrival] {
    guard shelterCount > 0, let spread = fire.spread else { return [] }
    if forecastRevision != fire.ignitionCount {
      // Arrivals before the new ignition are unchanged; read again from there.
      let since = fire.lastIgnitionTime ?? 0
      let unchanged = spread.ignitions.firstIndex { $0.time >= since } ?? spread.ignitions.count
      forecast = spread
      forecastRevision = fire.ignitionCount
      forecastCursor = min(forecastCursor, unchanged)
    }
    guard var ahead = forecast else { return [] }
    forecast = nil  // settle the copy in place, not a copy of it
    let lead = rules.shelterLead
    while let next = ahead.peekNextTime(), next - lead <= now { _ = ahead.nextIgnition() }
    var arrivals: [Arrival] = []
    let columns = fire.landscape.columns
    while forecastCursor < ahead.ignitions.count {
      let ignition = ahead.ignitions[forecastCursor]
      forecastCursor += 1
      for id in threatening[ignition.row * columns + ignition.column] ?? [] {
        guard reported.insert(.shelter(id)).inserted else { continue }
        shelterCount -= 1
        arrivals.append(Arrival(target: .shelter(id), time: ignition.time))
      }
    }
    forecast = ahead
    return arrivals
  }

  /// When the coupling must next wake: the next cell to ignite, or the
  /// next shelter threat (the forecast's next ignition less the lead),
  /// whichever is first; nil when the fire is out.
  public var nextArrival: Double? {
    let burning = fire.spread?.peekNextTime()
    guard shelterCount > 0, forecastRevision == fire.ignitionCount,
      let ahead = forecast?.peekNextTime()
    else { return burning }
    return min(burning ?? .infinity, ahead - rules.shelterLead)
  }

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
