/// The total order of events: time, then priority, then scheduling sequence.
///
/// Priority and sequence share one word (`priority << 56 | sequence`), so a
/// comparison is two integer compares. The sequence counter belongs to one
/// simulator, so equal-time events run in the order they were scheduled.
public struct EventKey: Comparable, Sendable {
  public var time: Int64
  public var order: UInt64

  @inlinable public init(time: Int64, priority: EventPriority, sequence: UInt64) {
    self.time = time
    self.order = UInt64(priority.rawValue) << 56 | sequence
  }

  /// A key from its packed order word (for queues that store it apart).
  @inlinable init(time: Int64, order: UInt64) {
    self.time = time
    self.order = order
  }

  @inlinable public static func < (a: EventKey, b: EventKey) -> Bool {
    a.time < b.time || (a.time == b.time && a.order < b.order)
  }
}

/// Ordering class for events at the same instant (SimPy's URGENT/NORMAL).
public struct EventPriority: Hashable, Sendable {
  public let rawValue: UInt8
  @inlinable public init(_ rawValue: UInt8) { self.rawValue = rawValue }
  /// Process starts and resumptions that must precede ordinary events.
  @inlinable public static var urgent: EventPriority { EventPriority(0) }
  @inlinable public static var normal: EventPriority { EventPriority(1) }
  /// Bookkeeping that must see every other event of the instant first.
  @inlinable public static var late: EventPriority { EventPriority(2) }
}

/// A scheduled event: a key, a handler index and one word of payload.
///
/// Plain data (32 bytes, no reference counting) so that the queue moves
/// events without retain/release traffic.
public struct ScheduledEvent: Sendable {
  public var key: EventKey
  public var handler: UInt32
  public var payload: Int64

  @inlinable public init(key: EventKey, handler: UInt32, payload: Int64) {
    self.key = key
    self.handler = handler
    self.payload = payload
  }
}

/// A priority queue of events: what the simulator's loop needs and no more.
///
/// Implementations are interchangeable and chosen by benchmark
/// (`drillsim bench hold`).
public protocol EventQueue {
  init()
  var count: Int { get }
  /// - Complexity: O(log n) for heaps.
  mutating func insert(_ event: ScheduledEvent)
  /// The smallest key without removing it.
  func peekMin() -> ScheduledEvent?
  /// Removes and returns the smallest key.
  mutating func popMin() -> ScheduledEvent?
}
