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
/// of the queue: they are the most common kind (process resumptions) and
/// they already arrive in key order.
public final class Simulator {
  /// A function called with the simulator and the event's payload.
  public typealias Handler = (Simulator, Int64) -> Void

  /// All mutable state, behind a pointer (see `SimulatorState` for why).
  @usableFromInline let state: UnsafeMutablePointer<SimulatorState>

  public init() {
    state = .allocate(capacity: 1)
    state.initialize(to: SimulatorState())
    // Handler 0 is reserved for closure events (see `runClosure`).
    _ = state.pointee.append { _, _ in }
  }

  deinit {
    state.pointee.release()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// The current time; never decreases.
  @inlinable public var now: SimTime { SimTime(ms: state.pointee.now) }
  /// Where the clock lives (milliseconds), for readers outside Swift such
  /// as the Lua bridge's `sim.now`; valid for the simulator's lifetime.
  public var clockPointer: UnsafePointer<Int64> {
    let offset = MemoryLayout<SimulatorState>.offset(of: \SimulatorState.now) ?? 0
    return UnsafeRawPointer(state).advanced(by: offset).assumingMemoryBound(to: Int64.self)
  }
  /// Events processed so far (cancelled ones excluded).
  @inlinable public var eventsProcessed: Int { state.pointee.eventsProcessed }
  /// Set by `stop()`; the loop returns after the current event.
  public var isStopped: Bool { state.pointee.isStopped }

  /// Pending events, including cancelled closures not yet skipped.
  public var pendingCount: Int {
    state.pointee.queue.count + state.pointee.fifoCount - state.pointee.fifoHead
  }

  /// Registers a handler for payload events; do this once, not per event.
  public func register(_ handler: @escaping Handler) -> HandlerID {
    HandlerID(raw: state.pointee.append(handler))
  }

  /// Schedules `handler(payload)` at `time`.
  ///
  /// - Precondition: `time >= now`.
  /// - Complexity: O(1) at the current instant, O(1) amortised otherwise
  ///   with the default (ladder) queue.
  @inlinable
  public func schedule(
    _ handler: HandlerID, at time: SimTime, priority: EventPriority = .normal,
    payload: Int64 = 0
  ) {
    state.pointee.enqueue(handler: handler.raw, at: time.ms, priority: priority, payload: payload)
  }

  /// Takes the next sequence number without scheduling anything.
  ///
  /// For a caller that keeps a large batch of future events in its own
  /// sorted store (the evacuation's departures) and hands them to the
  /// queue one at a time: scheduled later with
  /// `schedule(_:at:reservedSequence:payload:)`, each keeps the key it
  /// would have had if scheduled now, so the run's event order is the same.
  public func reserveSequence() -> UInt64 { state.pointee.reserveSequence() }

  /// Schedules `handler(payload)` at `time` under a sequence number taken
  /// earlier with `reserveSequence()`, at normal priority.
  ///
  /// - Precondition: `time >= now`, and `sequence` was reserved and not
  ///   used for another event.
  public func schedule(
    _ handler: HandlerID, at time: SimTime, reservedSequence sequence: UInt64, payload: Int64
  ) {
    state.pointee.enqueue(
      handler: handler.raw, at: time.ms, reservedSequence: sequence, payload: payload)
  }

  /// Asks the loop to return after the current event.
  public func stop() { state.pointee.isStopped = true }

  /// Time of the next event, if any.
  public var nextEventTime: SimTime? { state.pointee.nextEventTime.map(SimTime.init(ms:)) }

  /// Processes one event.
  ///
  /// Returns false when no event is left.
  @discardableResult
  public func step() -> Bool {
    guard let event = state.pointee.popNext(notAfter: .max) else { return false }
    dispatch(event)
    return true
  }

  /// Runs until no event is left, `stop()` is called, or the next event is
  /// later than `limit`; in the last case the clock ends at `limit`.
  public func run(until limit: SimTime = .never) {
    while !state.pointee.isStopped {
      guard let event = state.pointee.popNext(notAfter: limit.ms) else { break }
      dispatch(event)
    }
    if !state.pointee.isStopped, limit != .never, state.pointee.now < limit.ms {
      state.pointee.now = limit.ms
    }
  }

  /// Sets the clock to the event's time and calls its handler.
  @inline(__always) func dispatch(_ event: ScheduledEvent) {
    precondition(event.key.time >= state.pointee.now, "simulation time went backwards")
    state.pointee.now = event.key.time
    if event.handler == 0 {
      runClosure(event.payload)
    } else {
      state.pointee.eventsProcessed &+= 1
      state.pointee.handlers[Int(event.handler)]._withUnsafeGuaranteedRef {
        $0.body(self, event.payload)
      }
    }
  }
}

/// The queue the simulator uses, chosen by `drillsim-bench queues hold`.
public typealias DefaultEventQueue = LadderQueue

/// An index into the simulator's handler table.
public struct HandlerID: Hashable, Sendable {
  public let raw: UInt32
  public init(raw: UInt32) { self.raw = raw }
}
