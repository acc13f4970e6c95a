import Hazards
import Township

/// The run's power, network and road cuts (三断): which zones have power
/// and network at a time, which links a cut closes, and which facilities
/// supply which zones.
///
/// Cuts come from the script (`sim.outage.cut`) and from hazards: a
/// substation or base station that floods or burns cuts what it supplies
/// until the script restores it (a flooded substation does not come back
/// when the water goes). Warning channels ask `hasPower(zone:at:)` and
/// `hasNetwork(zone:at:)`; a road cut closes its links on the map for
/// every mode. The state changes only when the caller applies a cut or a
/// lift, at the sim time it gives, so the board is a history that answers
/// for any time up to now.
public final class OutageBoard {
  /// A zone or link going without (`isStart`) or coming back.
  public struct Change: Sendable, Equatable {
    public let kind: OutageKind
    /// A zone id (power, network) or a link id (road).
    public let target: String
    public let isStart: Bool
    /// What caused the cut: "script", "flood:<facility>", "debris_flow:<slope>".
    public let cause: String
  }

  /// A facility that supplies zones with power or network.
  public struct Supplier: Sendable, Equatable {
    public let facility: String
    public let position: MapPoint
    public let power: [String]
    public let network: [String]
  }

  public private(set) var ledger = OutageLedger()
  /// Facilities that supply something, in map order.
  public let suppliers: [Supplier]
  let map: LiveMap?
  var nextToken = 1
  /// The cuts not lifted yet: token to kind, targets and cause.
  var open: [Int: (kind: OutageKind, targets: [String], cause: String)] = [:]
  /// Facilities a hazard has knocked out (each only once).
  var knockedOut: Set<String> = []

  /// A board over `map`'s zones and facilities (none without a map).
  public init(map: LiveMap?) {
    self.map = map
    suppliers = map.map { Self.suppliers(of: $0.township) } ?? []
  }

  /// Who supplies what: a facility's `powers` and `serves` lists when the
  /// map gives them; otherwise every zone is powered by its nearest
  /// substation and served by its nearest base station (ties to the first
  /// in map order), the usual radial layout of a rural grid.
  static func suppliers(of township: Township) -> [Supplier] {
    func nearest(_ kind: FacilityKind, to zone: Zone) -> String? {
      var best: (distance: Double, id: String)?
      for facility in township.facilities where facility.kind == kind {
        let d = facility.position.distance(to: zone.position)
        if best == nil || d < (best?.distance ?? .infinity) { best = (d, facility.id) }
      }
      return best?.id
    }
    let powerOf = township.zones.map { (zone: $0.id, by: nearest(.substation, to: $0)) }
    let networkOf = township.zones.map { (zone: $0.id, by: nearest(.baseStation, to: $0)) }
    return township.facilities.compactMap { facility in
      var power = facility.powers
      if power.isEmpty, facility.kind == .substation {
        power = powerOf.filter { $0.by == facility.id }.map(\.zone)
      }
      var network = facility.serves
      if network.isEmpty, facility.kind == .baseStation {
        network = networkOf.filter { $0.by == facility.id }.map(\.zone)
      }
      guard !power.isEmpty || !network.isEmpty else { return nil }
      return Supplier(
        facility: facility.id, position: facility.position, power: power, network: network)
    }
  }

  /// True unless the zone was without power at `time`.
  public func hasPower(zone: String, at time: Double) -> Bool {
    !ledger.wasCut(.power, zone, at: time)
  }

  /// True unless the zone was without the mobile network at `time`.
  public func hasNetwork(zone: String, at time: Double) -> Bool {
    !ledger.wasCut(.network, zone, at: time)
  }

  /// True unless an outage closed the link at `time`.
  public func hasRoad(link: String, at time: Double) -> Bool {
    !ledger.wasCut(.road, link, at: time)
  }

  /// The zones a facility supplies with `kind` (power or network).
  public func zones(suppliedBy facility: String, kind: OutageKind) throws(ScenarioError) -> [String]
  {
    guard let township = map?.township else {
      throw ScenarioError("", "the scenario has no map, so no facility '\(facility)'")
    }
    guard township.facilities.contains(where: { $0.id == facility }) else {
      throw ScenarioError("", "no facility '\(facility)' on the map")
    }
    let supplier = suppliers.first { $0.facility == facility }
    return (kind == .power ? supplier?.power : supplier?.network) ?? []
  }

  /// The links a road cut of a zone closes: every link at the zone's node,
  /// in map order (the village is cut off).
  public func links(ofZone zone: String) throws(ScenarioError) -> [String] {
    guard let township = map?.township else {
      throw ScenarioError("", "the scenario has no map, so no zone '\(zone)'")
    }
    guard let node = township.zones.first(where: { $0.id == zone })?.node else {
      throw ScenarioError("", "no zone '\(zone)' on the map")
    }
    return township.links.filter { $0.from == node || $0.to == node }.map(\.id)
  }

  /// Checks that every target exists: zones for power and network, links
  /// for roads.
  public func check(_ kind: OutageKind, targets: [String]) throws(ScenarioError) {
    guard let township = map?.township else {
      throw ScenarioError("", "outages need a map: name one with scenario{ map = ... }")
    }
    for target in targets {
      if kind == .road {
        guard township.linkIndex(of: target) != nil else {
          throw ScenarioError("", "no link '\(target)' on the map")
        }
      } else if !township.zones.contains(where: { $0.id == target }) {
        throw ScenarioError("", "no zone '\(target)' on the map")
      }
    }
  }

  /// Cuts `targets` at `time`; returns the cut's token (to lift it later)
  /// and the targets that went without.
  public func cut(_ kind: OutageKind, targets: [String], cause: String, at time: Double)
    -> (token: Int, changes: [Change])
  {
    let token = nextToken
    nextToken += 1
    open[token] = (kind, targets, cause)
    var changes: [Change] = []
    for target in targets where ledger.cut(kind, target, token: token, at: time) {
      changes.append(Change(kind: kind, target: target, isStart: true, cause: cause))
      if kind == .road { map?.setHazardClosure(link: target, .all, source: "outage") }
    }
    return (token, changes)
  }

  /// Lifts the cut `token` at `time` (its duration is over).
  ///
  /// Returns the targets that came back. Lifting a cut already lifted changes nothing.
  public func lift(token: Int, at time: Double) -> [Change] {
    guard let cut = open.removeValue(forKey: token) else { return [] }
    return cut.targets.compactMap { target in
      guard ledger.lift(cut.kind, target, token: token, at: time) else { return nil }
      return back(cut.kind, target, cause: cut.cause)
    }
  }

  /// Restores `targets` at `time` whatever cut them (a repair crew, a
  /// generator); the targets that came back.
  public func restore(_ kind: OutageKind, targets: [String], at time: Double) -> [Change] {
    targets.compactMap { target in
      guard ledger.lift(kind, target, token: nil, at: time) else { return nil }
      return back(kind, target, cause: "script")
    }
  }

  func back(_ kind: OutageKind, _ target: String, cause: String) -> Change {
    if kind == .road { map?.setHazardClosure(link: target, .none, source: "outage") }
    return Change(kind: kind, target: target, isStart: false, cause: cause)
  }

  /// A hazard reached supplier `facility` at `time` (`hazard`: "flood" or
  /// "fire"): cuts the power and network it supplies, once per facility.
  public func knockOut(facility: String, by hazard: String, at time: Double) -> [Change] {
    guard let supplier = suppliers.first(where: { $0.facility == facility }),
      knockedOut.insert(facility).inserted
    else { return [] }
    let cause = "\(hazard):\(facility)"
    return cut(.power, targets: supplier.power, cause: cause, at: time).changes
      + cut(.network, targets: supplier.network, cause: cause, at: time).changes
  }

  /// Zone-minutes without power and network, link-minutes without road, up
  /// to `time`: `outage.power_zone_min`, `outage.network_zone_min`,
  /// `outage.road_link_min`.
  public func metrics(at time: Double) -> [(name: String, value: Double)] {
    [
      ("outage.power_zone_min", ledger.totalDowntime(.power, until: time) / 60),
      ("outage.network_zone_min", ledger.totalDowntime(.network, until: time) / 60),
      ("outage.road_link_min", ledger.totalDowntime(.road, until: time) / 60),
    ]
  }
}
