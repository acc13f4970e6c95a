/// Which zones (or links) are without power, network or road, since when,
/// and for how long in total.
///
/// A target is cut while at least one cause holds it: a scripted cut, a
/// flooded substation, a debris flow. Each cut is a token the caller keeps
/// and lifts later, so two overlapping cuts of the same zone end only when
/// both are lifted. The ledger keeps every period a target spent cut, so
/// it answers "was there power at time t" for any t up to now, and the
/// total downtime per kind. Targets keep their first-cut order: no hash
/// order reaches a sum or a list.
public struct OutageLedger: Sendable {
  /// One stretch of time a target spent cut.
  public struct Period: Sendable, Equatable {
    public let start: Double
    /// When supply came back, or nil while still cut.
    public internal(set) var end: Double?
  }

  struct Key: Hashable, Sendable {
    let kind: OutageKind
    let target: String
  }

  /// Targets in the order they were first cut.
  var keys: [Key] = []
  var periods: [Key: [Period]] = [:]
  /// The tokens holding each target cut, in the order they were taken.
  var holders: [Key: [Int]] = [:]

  public init() {}

  /// Cuts `target` for the cause `token` at `time`; true when this took the
  /// target from supplied to cut (an outage starts).
  @discardableResult
  public mutating func cut(_ kind: OutageKind, _ target: String, token: Int, at time: Double)
    -> Bool
  {
    let key = Key(kind: kind, target: target)
    if periods[key] == nil { keys.append(key) }
    var tokens = holders[key] ?? []
    guard !tokens.contains(token) else { return false }
    tokens.append(token)
    holders[key] = tokens
    guard tokens.count == 1 else { return false }
    periods[key, default: []].append(Period(start: time, end: nil))
    return true
  }

  /// Lifts cause `token` (or every cause, when nil) from `target` at
  /// `time`; true when the target is supplied again (an outage ends).
  @discardableResult
  public mutating func lift(_ kind: OutageKind, _ target: String, token: Int?, at time: Double)
    -> Bool
  {
    let key = Key(kind: kind, target: target)
    guard var tokens = holders[key], !tokens.isEmpty else { return false }
    if let token { tokens.removeAll { $0 == token } } else { tokens.removeAll() }
    holders[key] = tokens
    guard tokens.isEmpty, var list = periods[key], let last = list.indices.last else {
      return false
    }
    list[last].end = time
    periods[key] = list
    return true
  }

  /// True when `target` is cut right now.
  public func isCut(_ kind: OutageKind, _ target: String) -> Bool {
    !(holders[Key(kind: kind, target: target)] ?? []).isEmpty
  }

  /// True when `target` was cut at `time`.
  ///
  /// A period covers its start and not its end. Times after the last change read the
  /// state as it stands.
  public func wasCut(_ kind: OutageKind, _ target: String, at time: Double) -> Bool {
    (periods[Key(kind: kind, target: target)] ?? []).contains { period in
      period.start <= time && time < (period.end ?? .infinity)
    }
  }

  /// The periods `target` spent cut, oldest first.
  public func periods(_ kind: OutageKind, _ target: String) -> [Period] {
    periods[Key(kind: kind, target: target)] ?? []
  }

  /// Targets of `kind` cut at some point, in first-cut order.
  public func targets(_ kind: OutageKind) -> [String] {
    keys.filter { $0.kind == kind }.map(\.target)
  }

  /// Seconds `target` spent cut up to `time`.
  public func downtime(_ kind: OutageKind, _ target: String, until time: Double) -> Double {
    periods(kind, target).reduce(0.0) { sum, period in
      sum + max(0, min(period.end ?? time, time) - period.start)
    }
  }

  /// Seconds of downtime of every target of `kind` up to `time`, summed in
  /// first-cut order.
  public func totalDowntime(_ kind: OutageKind, until time: Double) -> Double {
    targets(kind).reduce(0.0) { $0 + downtime(kind, $1, until: time) }
  }
}
