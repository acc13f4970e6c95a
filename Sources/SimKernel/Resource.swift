/// A pool of identical units that processes request and release, served by
/// priority and then first come, first served (SimPy's PriorityResource).
///
/// A waiter is a callback or a token. The resource calls the callback, or
/// `grantToken` with the token, when a unit is theirs; either returns false
/// if its process no longer wants the unit (it was cancelled), and the unit
/// goes to the next waiter. Tokens (a process id, say) cost no allocation
/// per request: the hot path of a queue of processes. Units in use, queue
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
  /// Hands a unit to the waiter queued with `token`.
  ///
  /// Returns false if it no longer wants it. Set once, by the owner of the
  /// tokens.
  public var grantToken: (Int64) -> Bool = { _ in false }

  /// Plain data, so that the heap moves waiters without reference counting.
  var waiting = BinaryHeap<Waiter>()
  var sequence: UInt64 = 0
  /// The callbacks of waiters queued with one, by slot; nil when free.
  var callbacks: [(() -> Bool)?] = []
  var freeCallbacks: [Int32] = []

  struct Waiter: Comparable {
    let priority: Int
    let sequence: UInt64
    let since: SimTime
    /// The token for `grantToken`, when `callback` is negative.
    let token: Int64
    /// The slot in `callbacks`, or -1 for a token waiter.
    let callback: Int32
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
    let slot: Int32
    if let free = freeCallbacks.popLast() {
      slot = free
      callbacks[Int(free)] = grant
    } else {
      slot = Int32(callbacks.count)
      callbacks.append(grant)
    }
    insert(Waiter(priority: priority, sequence: 0, since: time, token: 0, callback: slot), at: time)
  }

  /// Queues a request that `grantToken(token)` will grant.
  public func enqueue(priority: Int, at time: SimTime, token: Int64) {
    insert(
      Waiter(priority: priority, sequence: 0, since: time, token: token, callback: -1), at: time)
  }

  func insert(_ waiter: Waiter, at time: SimTime) {
    sequence &+= 1
    waiting.insert(
      Waiter(
        priority: waiter.priority, sequence: sequence, since: waiter.since, token: waiter.token,
        callback: waiter.callback))
    queueLength.record(Double(waiting.count), at: time)
  }

  /// Returns a unit and hands it to the next waiter that still wants it.
  public func release(at time: SimTime) {
    precondition(inUse > 0, "release without a unit in use")
    inUse -= 1
    while inUse < capacity, let next = waiting.popMin() {
      queueLength.record(Double(waiting.count), at: time)
      inUse += 1
      if grant(next) {
        waits.record((time - next.since).seconds)
      } else {
        inUse -= 1
      }
    }
    busy.record(Double(inUse), at: time)
  }

  /// Calls the waiter's callback (freeing its slot) or `grantToken`.
  func grant(_ waiter: Waiter) -> Bool {
    guard waiter.callback >= 0 else { return grantToken(waiter.token) }
    let slot = Int(waiter.callback)
    let callback = callbacks[slot]
    callbacks[slot] = nil
    freeCallbacks.append(waiter.callback)
    return callback?() ?? false
  }

  /// Mean fraction of units in use from the start up to `time`.
  public func utilisation(at time: SimTime) -> Double {
    busy.mean(at: time) / Double(capacity)
  }
}
