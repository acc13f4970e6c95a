/// The mutable state of a `Simulator`: clock, counters, queue, FIFO and
/// handler table.
///
/// Kept in a struct that the simulator reaches through a pointer it owns:
/// stored properties of a class pay a dynamic exclusivity check
/// (`swift_beginAccess`) on every access, which cost more than the queue
/// itself in the hold benchmark. Through the pointer the same accesses are
/// plain loads and stores; the struct is only ever used on the simulator's
/// thread, inside its methods.
@usableFromInline struct SimulatorState {
  @usableFromInline var now: Int64 = 0
  @usableFromInline var eventsProcessed = 0
  @usableFromInline var isStopped = false
  @usableFromInline var sequence: UInt64 = 0
  @usableFromInline var queue = DefaultEventQueue()
  /// The queue's state, reached directly; valid as long as `queue`.
  ///
  /// The simulator never copies its queue, so the copy-on-write uniqueness
  /// check (a runtime call) and one indirection per operation can be
  /// skipped.
  @usableFromInline let ladder: UnsafeMutablePointer<LadderCore>
  /// Same-instant normal-priority events, in scheduling (= key) order:
  /// `fifo[fifoHead ..< fifoCount]` are pending.
  ///
  /// A buffer the state owns (`release()` frees it) rather than an array:
  /// emptying an array keeping its capacity is a generic call, and every
  /// append checks that the array is not shared; here both are an index.
  @usableFromInline var fifo: UnsafeMutablePointer<ScheduledEvent>
  @usableFromInline var fifoCapacity = 64
  @usableFromInline var fifoCount = 0
  @usableFromInline var fifoHead = 0
  /// Unretained references to `handlerBoxes`, indexed by handler id: a
  /// trivial array, so a dispatch reads it without retain and release.
  @usableFromInline var handlers: [Unmanaged<HandlerBox>] = []
  /// Owns the handler boxes for the simulator's lifetime.
  var handlerBoxes: [HandlerBox] = []
  var closures: [ClosureSlot] = []
  var freeClosureSlots: [Int32] = []

  /// A closure event's body, or nil once it ran or was cancelled; the
  /// generation tells a reused slot's timers apart.
  struct ClosureSlot {
    var body: (() -> Void)?
    var generation: UInt32
  }

  @usableFromInline init() {
    ladder = queue.storage.core
    fifo = .allocate(capacity: fifoCapacity)
  }

  /// Frees the FIFO's buffer; the state is not used afterwards.
  mutating func release() {
    fifo.deallocate()
    fifoCapacity = 0
    fifoCount = 0
    fifoHead = 0
  }

  /// Appends a same-instant event to the FIFO.
  @inlinable @inline(__always) mutating func pushFIFO(_ event: ScheduledEvent) {
    if fifoCount == fifoCapacity { growFIFO() }
    (fifo + fifoCount).initialize(to: event)
    fifoCount &+= 1
  }

  /// Makes room for more same-instant events: the pending ones move to the
  /// front, of a buffer twice as large when they fill half of this one.
  @usableFromInline mutating func growFIFO() {
    let pending = fifoCount - fifoHead
    if 2 * pending <= fifoCapacity {
      fifo.moveInitialize(from: fifo + fifoHead, count: pending)
    } else {
      let grown = UnsafeMutablePointer<ScheduledEvent>.allocate(capacity: 2 * fifoCapacity)
      grown.moveInitialize(from: fifo + fifoHead, count: pending)
      fifo.deallocate()
      fifo = grown
      fifoCapacity *= 2
    }
    fifoCount = pending
    fifoHead = 0
  }

  /// Adds a handler and returns its index.
  mutating func append(_ body: @escaping Simulator.Handler) -> UInt32 {
    let box = HandlerBox(body)
    handlerBoxes.append(box)
    handlers.append(Unmanaged.passUnretained(box))
    return UInt32(handlers.count - 1)
  }

  /// Queues an event with the next sequence number.
  @inlinable mutating func enqueue(
    handler: UInt32, at time: Int64, priority: EventPriority, payload: Int64
  ) {
    precondition(time >= now, "cannot schedule in the past")
    sequence &+= 1
    let event = ScheduledEvent(
      key: EventKey(time: time, priority: priority, sequence: sequence), handler: handler,
      payload: payload)
    if time == now && priority == .normal {
      pushFIFO(event)
    } else {
      ladder.pointee.insert(event)
    }
  }

  /// Takes the next sequence number for an event scheduled later.
  mutating func reserveSequence() -> UInt64 {
    sequence &+= 1
    return sequence
  }

  /// Queues a normal-priority event under a reserved sequence number.
  ///
  /// Always into the queue, never the FIFO: its key may precede events
  /// already in the FIFO, and `popNext` merges the two by key.
  mutating func enqueue(handler: UInt32, at time: Int64, reservedSequence: UInt64, payload: Int64) {
    precondition(time >= now, "cannot schedule in the past")
    precondition(reservedSequence <= sequence, "sequence number was not reserved")
    ladder.pointee.insert(
      ScheduledEvent(
        key: EventKey(time: time, priority: .normal, sequence: reservedSequence),
        handler: handler, payload: payload))
  }

  /// Removes and returns the next event if it is due at or before `limit`.
  ///
  /// The FIFO and the queue are merged by key: a queued event at this
  /// instant with urgent priority, or an earlier sequence, goes first.
  @inlinable @inline(__always) mutating func popNext(notAfter limit: Int64) -> ScheduledEvent? {
    if fifoHead < fifoCount {
      guard now <= limit else { return nil }
      let first = fifo[fifoHead]
      if ladder.pointee.count > 0, ladder.pointee.minimum.key < first.key {
        return ladder.pointee.popMin()
      }
      fifoHead &+= 1
      if fifoHead == fifoCount {
        fifoCount = 0
        fifoHead = 0
      }
      return first
    }
    guard ladder.pointee.count > 0, ladder.pointee.minimum.key.time <= limit else {
      return nil
    }
    return ladder.pointee.popMin()
  }

  /// Time of the next event, if any.
  @inlinable var nextEventTime: Int64? {
    if fifoHead < fifoCount { return now }
    return ladder.pointee.count > 0 ? ladder.pointee.minimum.key.time : nil
  }
}

/// A registered handler.
///
/// A class with a constant closure, so the loop can call it through a
/// borrowed reference: the box outlives every dispatch (the simulator owns
/// it), and nothing is retained per event.
@usableFromInline final class HandlerBox {
  @usableFromInline let body: Simulator.Handler
  init(_ body: @escaping Simulator.Handler) { self.body = body }
}
