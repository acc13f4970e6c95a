/// A pool of identical units that processes request and release, served by
/// priority and then first come, first served (SimPy's PriorityResource).
///
/// Waiters are callbacks: the resource calls `grant` when a unit is theirs.
/// A callback returns false if its process no longer wants the unit (it was
/// cancelled), and the unit goes to the next waiter. Units in use, queue
/// length and waiting time are monitored from the start.
public final class Resource {
  public let name: String
  public let capacity: Int
  public private(set) var inUse = 0
  /// Time-weighted units in use.
  public private(set) var busy: TimeWeighted
  /// Time-weighted number of waiting requests.
  public private(set) var queueLength: TimeWeighted
  /// Waiting time of every granted request, in seconds (zero if immediate).
  public private(set) var waits = Tally()

  var waiting = BinaryHeap<Waiter>()
  var sequence: UInt64 = 0

  struct Waiter: Comparable {
    let priority: Int
    let sequence: UInt64
    let since: SimTime
    let grant: () -> Bool
    static func < (a: Waiter, b: Waiter) -> Bool {
      (a.priority, a.sequence) < (b.priority, b.sequence)
    }
    static func == (a: Waiter, b: Waiter) -> Bool { a.sequence == b.sequence }
  }

  public init(name: String, capacity: Int, at time: SimTime = .zero) {
    precondition(capacity >= 1, "a resource needs at least one unit")
    self.name = name
    self.capacity = capacity
    busy = TimeWeighted(at: time)
    queueLength = TimeWeighted(at: time)
  }

  /// Takes a unit now if one is free and nobody waits; returns false when
  /// the caller must wait (then use `enqueue`).
  public func tryAcquire(at time: SimTime) -> Bool {
    guard inUse < capacity, waiting.isEmpty else { return false }
    inUse += 1
    busy.record(Double(inUse), at: time)
    waits.record(0)
    return true
  }

  /// Queues a request; lower `priority` values are served first.
  public func enqueue(priority: Int, at time: SimTime, grant: @escaping () -> Bool) {
    sequence &+= 1
    waiting.insert(Waiter(priority: priority, sequence: sequence, since: time, grant: grant))
    queueLength.record(Double(waiting.count), at: time)
  }

  /// Returns a unit and hands it to the next waiter that still wants it.
  public func release(at time: SimTime) {
    precondition(inUse > 0, "release without a unit in use")
    inUse -= 1
    while inUse < capacity, let next = waiting.popMin() {
      queueLength.record(Double(waiting.count), at: time)
      inUse += 1
      if next.grant() {
        waits.record((time - next.since).seconds)
      } else {
        inUse -= 1
      }
    }
    busy.record(Double(inUse), at: time)
  }

  /// Mean fraction of units in use from the start up to `time`.
  public func utilisation(at time: SimTime) -> Double {
    busy.mean(at: time) / Double(capacity)
  }
}
