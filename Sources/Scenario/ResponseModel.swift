import Response
import SimKernel
import Township

/// A run's response: the dispatch centre and reporting chain on the run's
/// live map, with one default team per mapped station.
///
/// Teams travel on the map as it is at dispatch: a link the script closed
/// is blocked for everyone; a link a hazard closed for driving is taken as
/// flooded, so boats cross it and cars and walkers do not.
public final class ResponseModel {
  /// The kind of the team each `station` facility gets by default.
  public static let stationTeamKind = TeamKind.fireRescue

  public let centre: DispatchCentre
  public private(set) var reports: ReportingChain
  public let map: LiveMap
  let routing: LiveResponseRouting

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
    centre.metrics(at: time) + reports.metrics(at: time)
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

  init(map: LiveMap) {
    self.map = map
    network = ResponseNetwork(township: map.township)
    states = [ResponseNetwork.LinkState](repeating: .open, count: map.township.links.count)
  }

  func travelTime(from source: Int, to target: Int, by conveyance: Conveyance, at time: SimTime)
    -> Double?
  {
    synchronise()
    return network.travelTime(from: source, to: target, by: conveyance, at: time)
  }

  /// Copies the map's closures; only changed links touch the network.
  private func synchronise() {
    var wanted = [ResponseNetwork.LinkState](repeating: .open, count: states.count)
    for (id, list) in map.hazardClosures
    where list.contains(where: { $0.closure.driving || $0.closure.walking }) {
      if let index = map.township.linkIndex(of: id) { wanted[index] = .flooded }
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
