import Evacuation
import Response
import SimKernel
import Township

/// A run's response: the dispatch centre and reporting chain on the run's
/// live map, with one default team per mapped station.
///
/// Teams travel on the map as it is at dispatch: a link the script closed
/// is blocked for everyone; a link only the flood closed is taken as
/// flooded, so boats cross it and cars and walkers do not; a link a fire
/// or an outage (a debris flow, a landslide, a road cut) closed is blocked
/// for every vehicle, boats included. A closure while a team is on its way
/// re-routes it from the next node (DispatchCentre+Rerouting).
public final class ResponseModel {
  /// The kind of the team each `station` facility gets by default.
  public static let stationTeamKind = TeamKind.fireRescue

  public let centre: DispatchCentre
  public private(set) var reports: ReportingChain
  public let map: LiveMap
  let routing: LiveResponseRouting
  /// Re-checks teams on their way after closures (DispatchCentre+Rerouting).
  private var closureCheck: ClosureCheck?
  var simulator: Simulator { centre.simulator }
  /// Told of every dispatch event after the run's own reactions (logs,
  /// scripts).
  public var observer: ((ResponseEvent) -> Void)?
  /// The evacuation whose households need help (see +Incidents).
  weak var evacuation: EvacuationModel?
  /// Assistance incidents by index: the household and its order (looked
  /// up, never iterated).
  var fetches: [Int: (household: Int, order: Int)] = [:]
  /// Households waiting for an assistance incident: its index (looked
  /// up, never iterated).
  var assistanceIncident: [Int: Int] = [:]
  /// Trapped incidents by index: their household (looked up, never
  /// iterated).
  var rescues: [Int: Int] = [:]
  /// Households carried to a shelter after a rescue.
  public internal(set) var rescuedHouseholds = 0
  /// Structure-fire incidents by index: their flashover time.
  var structureFires: [Int: SimTime] = [:]
  var structureFiresReached = 0
  /// Structure fires first reached at or after their flashover.
  var roomsLost = 0

  /// Builds the response on `map`; `start` is the scenario's ISO 8601
  /// start, whose time of day drives duty shifts.
  public init(
    map: LiveMap, simulator: Simulator, streams: RandomStreams, start: String?
  ) throws(ScenarioError) {
    self.map = map
    routing = LiveResponseRouting(map: map)
    centre = DispatchCentre(
      simulator: simulator, routing: routing,
      workDraws: RandomStream(
        seed: streams.seed, name: "response.work", replication: streams.replication),
      clockAtStart: ResponseModel.secondsOfDay(start))
    do {
      reports = try ReportingChain()
      for facility in map.township.facilities where facility.kind == .station {
        try centre.add(
          TeamSpec(id: facility.id, kind: ResponseModel.stationTeamKind, station: facility.node))
      }
    } catch {
      throw ScenarioError("response", error.description)
    }
    let centre = centre
    closureCheck = ClosureCheck(
      map: map, simulator: simulator,
      isNeeded: { [unowned centre] in
        centre.teams.contains { $0.state == .travelling || $0.state == .callingOut }
      },
      check: { [unowned centre] in centre.networkChanged() })
    centre.observer = { [weak self] event in
      self?.handle(event)
      self?.observer?(event)
    }
  }

  /// Replaces the reporting rules; only before any event is opened.
  public func useReportRules(_ rules: [ReportRule]) throws(ScenarioError) {
    guard reports.events.isEmpty else {
      throw ScenarioError("reports", "set the rules before opening any event")
    }
    do {
      reports = try ReportingChain(rules: rules)
    } catch {
      throw ScenarioError("reports", error.description)
    }
  }

  /// Response, team and reporting metrics at `time`, in a fixed order.
  public func metrics(at time: SimTime) -> [(name: String, value: Double)] {
    centre.metrics(at: time) + reports.metrics(at: time) + structureFireMetrics()
      + [("response.rescued_households", Double(rescuedHouseholds))]
  }

  /// Seconds after midnight of an ISO 8601 time ("...T02:30:00+08:00"),
  /// as written (local time); 0 when there is none.
  static func secondsOfDay(_ iso: String?) -> Double {
    guard let iso, let t = iso.firstIndex(of: "T") else { return 0 }
    let parts = iso[iso.index(after: t)...].prefix(8).split(separator: ":")
    guard parts.count >= 2, let h = Double(parts[0]), let m = Double(parts[1]) else { return 0 }
    let s = parts.count > 2 ? Double(parts[2].prefix(2)) ?? 0 : 0
    return h * 3600 + m * 60 + s
  }
}

/// Travel times for teams on the live map, its closures turned into link
/// states of a `ResponseNetwork` before each query.
final class LiveResponseRouting: ResponseRouting {
  let map: LiveMap
  let network: ResponseNetwork
  private var states: [ResponseNetwork.LinkState]

  /// Whether a closure changed since the last copy.
  private var stale = true

  init(map: LiveMap) {
    self.map = map
    network = ResponseNetwork(township: map.township)
    states = [ResponseNetwork.LinkState](repeating: .open, count: map.township.links.count)
    map.observeClosures { [weak self] _, _ in self?.stale = true }
  }

  func travelTime(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> Double?
  {
    synchronise()
    return network.travelTime(from: source, to: target, by: conveyance, at: time)
  }

  func route(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> [RouteLeg]?
  {
    synchronise()
    return network.route(from: source, to: target, by: conveyance, at: time)
  }

  func canCross(link index: Int, from tail: Int, by conveyance: Conveyance) -> Bool {
    synchronise()
    return network.canCross(link: index, from: tail, by: conveyance)
  }

  func reachable(from source: Int, by conveyance: Conveyance, at time: SimTime)
    -> ReachableNodes?
  {
    synchronise()
    return network.reachable(from: source, by: conveyance, at: time)
  }

  func networkVersion() -> Int? {
    synchronise()
    return network.networkVersion()
  }

  /// The hazard source whose closures boats cross afloat: every other
  /// source (fire, outage) blocks every vehicle.
  static let waterSource = "flood"

  /// Copies the map's closures when one changed since the last copy; only
  /// changed links touch the network.
  func synchronise() {
    guard stale else { return }
    stale = false
    var wanted = [ResponseNetwork.LinkState](repeating: .open, count: states.count)
    for (id, list) in map.hazardClosures {
      let closing = list.filter { $0.closure.driving || $0.closure.walking }
      guard !closing.isEmpty, let index = map.township.linkIndex(of: id) else { continue }
      let water = closing.allSatisfy { $0.source == LiveResponseRouting.waterSource }
      wanted[index] = water ? .flooded : .blocked
    }
    for id in map.closedByScript {
      if let index = map.township.linkIndex(of: id) { wanted[index] = .blocked }
    }
    for index in states.indices where states[index] != wanted[index] {
      try? network.set(wanted[index], link: map.township.links[index].id)
      states[index] = wanted[index]
    }
  }
}
