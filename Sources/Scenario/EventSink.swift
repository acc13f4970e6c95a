import SimKernel

/// Where a run's domain events go (events.jsonl, a test's array, nowhere).
///
/// Library code receives its sink; only the executable decides where output
/// goes.
public protocol EventSink: AnyObject {
  /// Records one event: its time, kind and fields (in the order given).
  func record(at time: SimTime, kind: String, fields: [(key: String, value: Value)])
}

/// A sink that keeps events in memory, for tests and small runs.
public final class EventLog: EventSink {
  public struct Entry: Sendable {
    public let time: SimTime
    public let kind: String
    public let fields: [(key: String, value: Value)]
  }
  public private(set) var entries: [Entry] = []

  public init() {}

  public func record(at time: SimTime, kind: String, fields: [(key: String, value: Value)]) {
    entries.append(Entry(time: time, kind: kind, fields: fields))
  }
}

/// A sink that keeps nothing: for runs whose events nobody reads (sweeps
/// store results; any run can be replayed with its seed and parameters).
public final class DiscardingEventSink: EventSink {
  public init() {}

  public func record(at time: SimTime, kind: String, fields: [(key: String, value: Value)]) {}
}
