import Evacuation
import SimKernel

/// What the evacuation reports: clearance times overall and per zone,
/// outcomes, the roll call, shelters and queues, and the time series.
extension EvacuationModel {
  /// Links reported by name for their longest queue, per class.
  static let reportedQueues = 5

  /// Records the evacuation's metrics and series as they stand at `now`.
  public func report(into metrics: inout MetricSeries, at now: SimTime) {
    for row in warnings?.outcome.metrics() ?? [] {
      metrics.record(row.name, row.value, at: now)
    }
    guard let firstOrder else { return }
    recordSeries(into: &metrics, at: now)
    let township = map.township
    metrics.record("evacuation.order_s", firstOrder.seconds, at: now)
    metrics.record("evacuation.households", Double(households), at: now)
    let outcomes: [(String, OrderTally.Kind)] = [
      ("shadow", .shadow), ("awaiting_assistance", .awaitingAssistance),
      ("awaiting_warning", .awaitingWarning), ("refused", .refused),
    ]
    for (name, kind) in outcomes {
      metrics.record("evacuation.\(name)", Double(tally.persons(kind)), at: now)
      metrics.record("evacuation.\(name)_households", Double(tally.households(kind)), at: now)
    }
    metrics.record("evacuation.exposed_person_min", exposedPersonSeconds / 60, at: now)
    record(network.clearance(), prefix: "evacuation", into: &metrics, at: now)
    metrics.record(
      "evacuation.en_route",
      Double(network.personsOrdered - network.personsSafe - network.personsInPlace), at: now)
    metrics.record("evacuation.rerouted", Double(network.reroutedCount), at: now)
    metrics.record("evacuation.stranded", Double(network.strandedCount), at: now)
    metrics.record("evacuation.turned_back", Double(network.turnedBack), at: now)
    recordGroupsAndReturns(into: &metrics, at: now)
    for zone in township.zones.indices where ordered[zone] {
      let times = network.clearance { $0 == zone }
      let prefix = "evacuation.\(Self.metricWord(township.zones[zone].id))"
      record(times, prefix: prefix, into: &metrics, at: now)
    }
    let headcount = network.headcount
    metrics.record("evacuation.confirmed", Double(headcount.confirmed), at: now)
    metrics.record("evacuation.missing", Double(headcount.missing), at: now)
    if let complete = headcount.completeAt {
      metrics.record("evacuation.confirmed_all_s", complete - firstOrder.seconds, at: now)
    }
    let shelters = network.shelters
    for s in 0..<shelters.count where shelters.peak[s] > 0 || shelters.isClosed[s] {
      let prefix = "shelter.\(Self.metricWord(shelters.ids[s]))"
      metrics.record("\(prefix).peak", Double(shelters.peak[s]), at: now)
      if let capacity = shelters.capacities[s], capacity > 0 {
        metrics.record("\(prefix).peak_share", Double(shelters.peak[s]) / Double(capacity), at: now)
      }
    }
    for (mode, unit) in [(TravellerMode.drive, "vehicles"), (.walk, "persons")] {
      let maxima = network.linkQueueMaxima(mode: mode)
      metrics.record("evacuation.queue_max_\(unit)", Double(maxima.max() ?? 0), at: now)
      let longest = maxima.indices.filter { maxima[$0] > 0 }
        .sorted { (maxima[$0], township.links[$1].id) > (maxima[$1], township.links[$0].id) }
      for link in longest.prefix(Self.reportedQueues) {
        let id = Self.metricWord(township.links[link].id)
        metrics.record("link.\(id).queue_max_\(unit)", Double(maxima[link]), at: now)
      }
    }
  }

  /// T50/T90/T100 (those reached), persons, safe and sheltered in place.
  func record(
    _ times: ClearanceTimes, prefix: String, into metrics: inout MetricSeries, at now: SimTime
  ) {
    metrics.record("\(prefix).persons", Double(times.persons), at: now)
    metrics.record("\(prefix).safe", Double(times.safe), at: now)
    metrics.record("\(prefix).sheltered_in_place", Double(times.inPlace), at: now)
    if let t = times.t50 { metrics.record("\(prefix).t50_s", t, at: now) }
    if let t = times.t90 { metrics.record("\(prefix).t90_s", t, at: now) }
    if let t = times.t100 { metrics.record("\(prefix).t100_s", t, at: now) }
  }

  /// The sampled curves: share of everyone ordered safe (clearance) and
  /// set off (departures), queued vehicles and walkers, shelter occupancy.
  func recordSeries(into metrics: inout MetricSeries, at now: SimTime) {
    let series = network.timeSeries
    let ordered = Double(max(network.personsOrdered, 1))
    var times = series.times
    var safe = series.safePersons
    var departed = series.departedPersons
    var vehicles = series.queuedVehicles
    var walkers = series.queuedPersons
    if times.last.map({ $0 < now }) ?? true {
      times.append(now)
      safe.append(network.personsSafe)
      departed.append(network.personsDeparted)
      vehicles.append(vehicles.last ?? 0)
      walkers.append(walkers.last ?? 0)
    }
    for k in times.indices {
      metrics.record("evacuation.safe_share", Double(safe[k]) / ordered, at: times[k])
      metrics.record("evacuation.departed_share", Double(departed[k]) / ordered, at: times[k])
      metrics.record("evacuation.queued_vehicles", Double(vehicles[k]), at: times[k])
      metrics.record("evacuation.queued_persons", Double(walkers[k]), at: times[k])
    }
    for change in series.occupancy {
      let id = Self.metricWord(network.shelters.ids[change.shelter])
      metrics.record("shelter.\(id).occupancy", Double(change.persons), at: change.time)
    }
  }

  /// An id made safe for a dotted metric name (letters, digits, _ and -).
  static func metricWord(_ id: String) -> String {
    String(
      id.map { c -> Character in
        (c.isLetter || c.isNumber) && c.isASCII || c == "_" || c == "-" ? c : "_"
      })
  }
}
