/// The event loop: a clock, an event queue and the handlers events call.
///
/// Modelled on SimPy's `Environment`: `step()` pops the next event, sets the
/// clock, and runs its handler; `run(until:)` repeats that. Events are plain
/// data (a handler index and one word of payload) so that hot paths, such as
/// waking a process, allocate nothing; closures are available for the rest.
///
/// ```swift
/// let sim = Simulator()
/// sim.schedule(after: SimTime(ms: 5_000)) { print("five seconds in") }
/// sim.run()
/// ```
///
/// Events at the current instant with normal priority go to a FIFO instead
/// of the heap: they are the most common kind (process resumptions) and
/// they already arrive in key order.
public final class Simulator {
  /// A function called with the simulator and the event's payload.
  public typealias Handler = (Simulator, Int64) -> Void

  /// The current time; never decreases.
  public private(set) var now: SimTime = .zero
  /// Events processed so far (cancelled ones excluded).
  public private(set) var eventsProcessed: Int = 0
  /// Set by `stop()`; the loop returns after the current event.
  public private(set) var isStopped = false

  @usableFromInline var queue = DefaultEventQueue()
  @usableFromInline var fifo: [ScheduledEvent] = []
  @usableFromInline var fifoHead = 0
  @usableFromInline var sequence: UInt64 = 0
  @usableFromInline var handlers: [Handler] = []
  var closures: [ClosureSlot] = []
  var freeClosureSlots: [Int32] = []

  struct ClosureSlot {
    var body: (() -> Void)?
    var generation: UInt32
  }

  public init() {
    // Handler 0 is reserved for closure events (see `runClosure`).
    handlers.append { _, _ in }
  }

  /// Pending events, including cancelled closures not yet skipped.
  public var pendingCount: Int { queue.count + fifo.count - fifoHead }

  /// Registers a handler for payload events; do this once, not per event.
  public func register(_ handler: @escaping Handler) -> HandlerID {
    handlers.append(handler)
    return HandlerID(raw: UInt32(handlers.count - 1))
  }

  /// Schedules `handler(payload)` at `time`.
  ///
  /// - Precondition: `time >= now`.
  /// - Complexity: O(1) at the current instant, O(log n) otherwise.
  @inlinable
  public func schedule(
    _ handler: HandlerID, at time: SimTime, priority: EventPriority = .normal,
    payload: Int64 = 0
  ) {
    precondition(time >= now, "cannot schedule in the past")
    sequence &+= 1
    let event = ScheduledEvent(
      key: EventKey(time: time.ms, priority: priority, sequence: sequence),
      handler: handler.raw, payload: payload)
    if time == now && priority == .normal {
      fifo.append(event)
    } else {
      queue.insert(event)
    }
  }

  /// Schedules a closure after `delay`; the returned timer can cancel it.
  @discardableResult
  public func schedule(
    after delay: SimTime, priority: EventPriority = .normal,
    _ body: @escaping () -> Void
  ) -> TimerID {
    let slot: Int32
    if let free = freeClosureSlots.popLast() {
      slot = free
      closures[Int(slot)].body = body
    } else {
      slot = Int32(closures.count)
      closures.append(ClosureSlot(body: body, generation: 0))
    }
    let generation = closures[Int(slot)].generation
    let timer = TimerID(slot: slot, generation: generation)
    schedule(HandlerID(raw: 0), at: now + delay, priority: priority, payload: timer.payload)
    return timer
  }

  /// Cancels a pending closure: its event stays queued as a tombstone and is
  /// skipped when popped. Returns false if it already ran or was cancelled.
  @discardableResult
  public func cancel(_ timer: TimerID) -> Bool {
    let index = Int(timer.slot)
    guard index < closures.count, closures[index].generation == timer.generation,
      closures[index].body != nil
    else { return false }
    closures[index].body = nil
    return true
  }

  /// Asks the loop to return after the current event.
  public func stop() { isStopped = true }

  /// Time of the next event, if any.
  public var nextEventTime: SimTime? {
    if fifoHead < fifo.count { return now }
    return queue.peekMin().map { SimTime(ms: $0.key.time) }
  }

  /// Processes one event. Returns false when no event is left.
  @discardableResult
  public func step() -> Bool {
    guard let event = popNext() else { return false }
    precondition(event.key.time >= now.ms, "simulation time went backwards")
    now = SimTime(ms: event.key.time)
    if event.handler == 0 {
      runClosure(event.payload)
    } else {
      eventsProcessed &+= 1
      handlers[Int(event.handler)](self, event.payload)
    }
    return true
  }

  /// Runs until no event is left, `stop()` is called, or the next event is
  /// later than `limit`; in the last case the clock ends at `limit`.
  public func run(until limit: SimTime = .never) {
    while !isStopped, let next = nextEventTime, next <= limit {
      step()
    }
    if !isStopped, limit != .never, now < limit { now = limit }
  }

  func popNext() -> ScheduledEvent? {
    if fifoHead < fifo.count {
      let first = fifo[fifoHead]
      if let top = queue.peekMin(), top.key < first.key { return queue.popMin() }
      fifoHead += 1
      if fifoHead == fifo.count {
        fifo.removeAll(keepingCapacity: true)
        fifoHead = 0
      }
      return first
    }
    return queue.popMin()
  }

  func runClosure(_ payload: Int64) {
    let timer = TimerID(payload: payload)
    let index = Int(timer.slot)
    guard closures[index].generation == timer.generation else { return }
    let body = closures[index].body
    closures[index].body = nil
    closures[index].generation &+= 1
    freeClosureSlots.append(timer.slot)
    guard let body else { return }  // cancelled: a tombstone
    eventsProcessed &+= 1
    body()
  }
}

/// The queue the simulator uses, chosen by `drillsim bench hold`.
public typealias DefaultEventQueue = QuaternaryHeap

/// An index into the simulator's handler table.
public struct HandlerID: Hashable, Sendable {
  public let raw: UInt32
  public init(raw: UInt32) { self.raw = raw }
}

/// A cancellable closure event: a slot and the generation it was issued in.
public struct TimerID: Hashable, Sendable {
  let slot: Int32
  let generation: UInt32

  init(slot: Int32, generation: UInt32) {
    self.slot = slot
    self.generation = generation
  }

  init(payload: Int64) {
    slot = Int32(truncatingIfNeeded: payload >> 32)
    generation = UInt32(truncatingIfNeeded: payload)
  }

  var payload: Int64 { Int64(slot) << 32 | Int64(generation) }
}
