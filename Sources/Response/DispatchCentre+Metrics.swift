import SimKernel

/// Response metrics for summary.json, as flat dotted names.
extension DispatchCentre {
  /// Seconds from alarm to arrival of every incident reached so far, in
  /// report order.
  public var responseTimes: [Double] {
    incidents.compactMap { record in record.arrived.map { ($0 - record.alarm).seconds } }
  }

  /// The metrics at `time` (normally the end of the run), in a fixed order.
  ///
  /// `response.p90_s` is the nearest-rank 90th percentile; the response,
  /// dispatch and completion times are absent until an incident has one. Utilisation is
  /// busy seconds (dispatch to completion) over the seconds each team was
  /// part of the response, summed over teams; a job still open at `time`
  /// counts up to `time`.
  public func metrics(at time: SimTime) -> [(name: String, value: Double)] {
    let responses = responseTimes
    var result: [(String, Double)] = [
      ("response.incidents", Double(incidents.count)),
      ("response.served", Double(incidents.filter { $0.completed != nil }.count)),
      ("response.unserved", Double(incidents.filter { $0.completed == nil }.count)),
      ("response.backlog_mean", backlog.mean(at: time)),
      ("response.backlog_max", backlog.max),
      ("response.blocked_routes", Double(blockedRoutes)),
      ("response.reinforcements", Double(reinforcementsRequested)),
      ("response.reroutes", Double(reroutes)),
      ("response.reroute_delay_s", rerouteDelay),
    ]
    // Every kind is listed, zero or not, so a sweep's columns do not
    // depend on what happened; times only for kinds that had arrivals.
    for kind in IncidentKind.allCases {
      let count = incidents.filter { $0.incident.kind == kind }.count
      result.append(("response.incidents.\(kind.rawValue)", Double(count)))
    }
    for kind in IncidentKind.allCases {
      let times = incidents.compactMap { record in
        record.incident.kind == kind ? record.arrived.map { ($0 - record.alarm).seconds } : nil
      }
      if !times.isEmpty {
        result.append(("response.\(kind.rawValue).mean_s", DispatchCentre.mean(times)))
      }
    }
    // Times are reported only when something was timed: a mean of no
    // incidents is not 0 s, and a sweep store should see a missing value.
    let dispatched = incidents.compactMap { r in r.dispatched.map { ($0 - r.alarm).seconds } }
    let completed = incidents.compactMap { r in r.completed.map { ($0 - r.alarm).seconds } }
    if !responses.isEmpty {
      result.append(("response.mean_s", DispatchCentre.mean(responses)))
      result.append(("response.p90_s", DispatchCentre.percentile(responses, 0.9)))
    }
    if !dispatched.isEmpty {
      result.append(("response.dispatch_mean_s", DispatchCentre.mean(dispatched)))
    }
    if !completed.isEmpty {
      result.append(("response.completion_mean_s", DispatchCentre.mean(completed)))
    }
    if let post = commandPostActivated { result.append(("response.command_post_s", post.seconds)) }
    var busy = 0.0
    var span = 0.0
    for team in teams where team.state != .enRoute {
      busy += team.busySeconds + (team.busySince.map { (time - $0).seconds } ?? 0)
      span += max(0, (time - team.since).seconds)
    }
    result.append(("teams.count", Double(teams.count)))
    result.append(("teams.utilisation", span > 0 ? busy / span : 0))
    result.append(("teams.idle_s", teams.isEmpty ? 0 : (span - busy) / Double(teams.count)))
    return result
  }

  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  /// Nearest-rank percentile (`p` in 0...1); 0 for no values.
  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
