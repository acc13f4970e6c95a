import SimKernel

/// Reports owed along the village -> township -> county chain, and whether
/// they came in on time.
///
/// Opening an event (a breach, a fire, a casualty) at its occurrence time
/// makes the first and follow-up reports due by the rules; closing it makes
/// the final reports due. Submissions of one level and stage satisfy its
/// requirements in due order. At the end of the run a requirement that was
/// due and never submitted is missing; one submitted after its due time is
/// late; one not yet due is pending and counts as neither.
public final class ReportingChain {
  public let rules: [ReportRule]
  public private(set) var events: [ReportedEvent] = []
  private var eventIndexByID: [String: Int] = [:]

  /// One event the chain reports on.
  public struct ReportedEvent: Sendable {
    public let id: String
    public let occurred: SimTime
    public internal(set) var closed: SimTime?
    /// Submission times per rule, in `rules` order.
    public internal(set) var submissions: [[SimTime]]
  }

  /// One report owed: its rule, due time and when it was submitted.
  public struct Requirement: Sendable, Equatable {
    public let event: String
    public let rule: ReportRule
    public let due: SimTime
    public let submitted: SimTime?
  }

  /// Counts at the end of a run.
  public struct Compliance: Sendable, Equatable {
    public var due = 0
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var pending = 0
  }

  public init(rules: [ReportRule] = ReportRule.defaults) throws(ResponseError) {
    for rule in rules {
      guard rule.within >= 0, rule.stage != .followUp || (rule.every ?? 0) > 0 else {
        throw ResponseError(
          "report rule \(rule.level.rawValue).\(rule.stage.rawValue)",
          "needs within >= 0 and, for follow-ups, every > 0")
      }
    }
    self.rules = rules
  }

  /// Opens event `id`, which occurred at `time`.
  public func open(_ id: String, at time: SimTime) throws(ResponseError) {
    guard eventIndexByID[id] == nil else {
      throw ResponseError("report event \(id)", "already opened")
    }
    eventIndexByID[id] = events.count
    events.append(
      ReportedEvent(
        id: id, occurred: time, closed: nil,
        submissions: [[SimTime]](repeating: [], count: rules.count)))
  }

  /// Closes event `id` at `time`: follow-ups stop, final reports fall due.
  public func close(_ id: String, at time: SimTime) throws(ResponseError) {
    let index = try eventIndex(id)
    guard events[index].closed == nil else {
      throw ResponseError("report event \(id)", "already closed")
    }
    events[index].closed = time
  }

  /// Records a report of `level` and `stage` on event `id` at `time`.
  ///
  /// - Returns: the due time it satisfied, or nil when no rule asks for
  ///   such a report.
  @discardableResult
  public func submit(
    _ id: String, level: ReportLevel, stage: ReportStage, at time: SimTime
  ) throws(ResponseError) -> SimTime? {
    let index = try eventIndex(id)
    guard let rule = rules.firstIndex(where: { $0.level == level && $0.stage == stage }) else {
      return nil
    }
    let done = events[index].submissions[rule].count
    events[index].submissions[rule].append(time)
    let dues = dueTimes(of: index, rule: rules[rule], until: .never, count: done + 1)
    return done < dues.count ? dues[done] : nil
  }

  /// Every report owed by `end`, in event and rule order.
  public func requirements(at end: SimTime) -> [Requirement] {
    var result: [Requirement] = []
    for index in events.indices {
      for (r, rule) in rules.enumerated() {
        let given = events[index].submissions[r]
        let dues = dueTimes(of: index, rule: rule, until: end, count: .max)
        for (k, due) in dues.enumerated() {
          result.append(
            Requirement(
              event: events[index].id, rule: rule, due: due,
              submitted: k < given.count ? given[k] : nil))
        }
      }
    }
    return result
  }

  /// On-time, late, missing and pending reports at `end`.
  public func compliance(at end: SimTime) -> Compliance {
    var counts = Compliance()
    for requirement in requirements(at: end) {
      if let submitted = requirement.submitted {
        counts.due += 1
        if submitted <= requirement.due { counts.onTime += 1 } else { counts.late += 1 }
      } else if requirement.due < end {
        counts.due += 1
        counts.missing += 1
      } else {
        counts.pending += 1
      }
    }
    return counts
  }

  /// Metrics for summary.json: `reports.due`, `.on_time`, `.late`,
  /// `.missing`, `.pending`, and `reports.<level>.first_s` for each level
  /// whose first report on the first event went up.
  public func metrics(at end: SimTime) -> [(name: String, value: Double)] {
    let c = compliance(at: end)
    var result: [(name: String, value: Double)] = [
      ("reports.due", Double(c.due)), ("reports.on_time", Double(c.onTime)),
      ("reports.late", Double(c.late)), ("reports.missing", Double(c.missing)),
      ("reports.pending", Double(c.pending)),
    ]
    for level in ReportLevel.allCases {
      if let delay = firstReportDelay(level: level, at: end) {
        result.append(("reports.\(level.rawValue).first_s", delay))
      }
    }
    return result
  }

  /// Seconds from an event's occurrence to its first report at `level`
  /// (submitted by `end`), or nil when there is none.
  ///
  /// The event is `id`, or without one the first opened: the one a drill's
  /// first report (初报) is timed against.
  public func firstReportDelay(level: ReportLevel, event id: String? = nil, at end: SimTime)
    -> Double?
  {
    guard let event = events.first(where: { id == nil || $0.id == id }) else { return nil }
    let sent = rules.indices
      .filter { rules[$0].level == level && rules[$0].stage == .first }
      .compactMap { event.submissions[$0].first }
      .filter { $0 <= end }
      .min()
    return sent.map { ($0 - event.occurred).seconds }
  }

  /// Due times of a rule for one event: follow-ups run while the event is
  /// open (up to `limit`), finals only once it is closed.
  private func dueTimes(of index: Int, rule: ReportRule, until limit: SimTime, count: Int)
    -> [SimTime]
  {
    let event = events[index]
    let within = SimTime(seconds: rule.within) ?? .zero
    switch rule.stage {
    case .first: return [event.occurred + within]
    case .final: return event.closed.map { [$0 + within] } ?? []
    case .followUp:
      guard let every = rule.every.flatMap({ SimTime(seconds: $0) }), every.ms > 0 else {
        return []
      }
      let stop = event.closed ?? limit
      var dues: [SimTime] = []
      var due = event.occurred + within
      // Open-ended with no limit: as many as asked for.
      while dues.count < count && (due < stop || stop == .never) {
        dues.append(due)
        due = due + every
      }
      // While open, the next follow-up is owed too (pending at `limit`).
      if event.closed == nil, limit != .never, dues.count < count { dues.append(due) }
      return dues
    }
  }

  private func eventIndex(_ id: String) throws(ResponseError) -> Int {
    guard let index = eventIndexByID[id] else {
      throw ResponseError("report event \(id)", "not opened")
    }
    return index
  }
}
