import Recording

/// The objectives scorecard and the evidence behind each flagged
/// observation, for the after-action report.
extension DrillComparison {
  /// One objective as the simulation rated it: a run's rating, or how many
  /// replications of a sweep point got each rating.
  public struct ObjectiveScore: Sendable {
    public let name: String
    public let target: String
    /// Runs that rated the objective.
    public let runs: Int
    /// Count per rating, P, S, M, U first, then any other rating by name.
    public let ratings: [(rating: String, count: Int)]
    public let passed: Int
    /// The median of the objective's values (the value of a single run).
    public let medianValue: Double?
  }

  /// The ratings of the exercise evaluation guides, best first.
  public static let ratingScale = ["P", "S", "M", "U"]

  /// Every objective the baseline's runs rated, sorted by name.
  public var scorecard: [ObjectiveScore] {
    let all = baseline.replications.flatMap(\.objectives)
    let names = Array(Set(all.map(\.name))).sorted()
    return names.map { name in
      let rated = all.filter { $0.name == name }
      let others = Array(Set(rated.map(\.rating)).subtracting(Self.ratingScale)).sorted()
      let ratings = (Self.ratingScale + others).map { rating -> (rating: String, count: Int) in
        (rating, rated.filter { $0.rating == rating }.count)
      }
      return ObjectiveScore(
        name: name, target: rated.first?.target ?? "", runs: rated.count, ratings: ratings,
        passed: rated.filter(\.pass).count,
        medianValue: SimulatedDistribution(rated.compactMap(\.value)).median)
    }
  }

  /// Metric endings worth showing beside a flagged observation of a zone,
  /// grid or shelter.
  static let relatedEndings = [
    "ack_s", "escalations", "unreached", "door.reached", "persons", "t90_s", "t100_s",
    "peak_share",
  ]
  /// Metrics worth showing beside a flagged observation of the whole evacuation.
  static let overallMetrics = [
    "warning.grids_escalated", "warning.unreached", "evacuation.queue_max_vehicles",
    "evacuation.stranded", "evacuation.rerouted",
  ]
  /// Event kinds that explain a whole-evacuation observation.
  static let overallEvents: Set<String> = [
    "warning.escalated", "warning.door_started", "warning.door_finished", "shelter.full",
    "evacuation.settled",
  ]
  /// At most this many simulated events per observation.
  static let eventLimit = 6

  /// The evidence behind an observation: the drill log's row, the
  /// simulated metrics of the same zone, grid or shelter, and, for a run,
  /// its events about them (times from the order).
  public func evidence(for observation: Observation) -> [String] {
    let row = observation.row
    var lines = ["drill log line \(row.line): \(row.kind.name)"]
    if !row.subject.isEmpty { lines[0] += " \(row.subject)" }
    if !row.timeText.isEmpty { lines[0] += " at \(row.timeText)" }
    if let value = row.value { lines[0] += " = \(JSONText.number(value))" }
    if !row.note.isEmpty { lines[0] += " (\(row.note))" }
    let subject = row.subject
    let metrics = baseline.metricNames.filter { name in
      guard name != observation.metric else { return false }
      if subject.isEmpty {
        // Reports explain reports; the evacuation's totals explain the rest.
        if let metric = observation.metric, metric.hasPrefix("reports.") {
          return name.hasPrefix("reports.")
        }
        return Self.overallMetrics.contains(name)
      }
      let parts = name.split(separator: ".")
      guard parts.count >= 3, parts[1] == subject || parts[1].hasSuffix("-" + subject) else {
        return false
      }
      return Self.relatedEndings.contains { name.hasSuffix("." + $0) }
    }
    for name in metrics {
      let distribution = baseline.distribution(name)
      guard let median = distribution.median else { continue }
      // Times (names ending in _s) as h:mm:ss, like the observations.
      let shown =
        name.hasSuffix("_s")
        ? ScenarioClock.elapsed(Int64(median.rounded()))
        : JSONText.number((median * 1000).rounded() / 1000)
      lines.append(
        baseline.source == .run
          ? "simulated \(name) = \(shown)"
          : "simulated \(name): median \(shown) over \(distribution.count) replications")
    }
    let order = baseline.replications.first?.metric("evacuation.order_s") ?? 0
    let events = baseline.events.filter { event in
      if subject.isEmpty { return Self.overallEvents.contains(event.kind) }
      guard event.kind != "warning.warned" else { return false }
      return event.fields.contains { field in
        ["zone", "grid", "shelter"].contains(field.key)
          && (field.value.stringValue == subject
            || field.value.stringValue?.hasSuffix("-" + subject) == true)
      }
    }
    for event in events.prefix(Self.eventLimit) {
      let since = Int64((event.time - order).rounded())
      let clock = (since < 0 ? "T-" : "T+") + ScenarioClock.elapsed(abs(since))
      lines.append("simulated event \(clock) \(event.kind) \(event.detail)")
    }
    if events.count > Self.eventLimit {
      lines.append("… and \(events.count - Self.eventLimit) more simulated events")
    }
    return lines
  }
}
