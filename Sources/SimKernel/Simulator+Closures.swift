/// Closure events: convenient one-off events that can be cancelled.
///
/// A closure occupies a slot in a table and travels through the queue as
/// handler 0 with the slot and its generation as payload, so the queue
/// stays plain data. Cancelling empties the slot and leaves the queued
/// event as a tombstone that is skipped (and not counted) when popped.
extension Simulator {
  /// Schedules a closure after `delay`; the returned timer can cancel it.
  @discardableResult
  public func schedule(
    after delay: SimTime, priority: EventPriority = .normal,
    _ body: @escaping () -> Void
  ) -> TimerID {
    let slot: Int32
    if let free = state.pointee.freeClosureSlots.popLast() {
      slot = free
      state.pointee.closures[Int(slot)].body = body
    } else {
      slot = Int32(state.pointee.closures.count)
      state.pointee.closures.append(SimulatorState.ClosureSlot(body: body, generation: 0))
    }
    let generation = state.pointee.closures[Int(slot)].generation
    let timer = TimerID(slot: slot, generation: generation)
    schedule(HandlerID(raw: 0), at: now + delay, priority: priority, payload: timer.payload)
    return timer
  }

  /// Cancels a pending closure.
  ///
  /// Its event stays queued as a tombstone and is skipped when popped.
  /// Returns false if it already ran or was cancelled.
  @discardableResult
  public func cancel(_ timer: TimerID) -> Bool {
    let index = Int(timer.slot)
    guard index >= 0, index < state.pointee.closures.count,
      state.pointee.closures[index].generation == timer.generation,
      state.pointee.closures[index].body != nil
    else { return false }
    state.pointee.closures[index].body = nil
    return true
  }

  /// Runs a closure event, or skips it if it was cancelled.
  func runClosure(_ payload: Int64) {
    let timer = TimerID(payload: payload)
    let index = Int(timer.slot)
    guard state.pointee.closures[index].generation == timer.generation else { return }
    let body = state.pointee.closures[index].body
    state.pointee.closures[index].body = nil
    state.pointee.closures[index].generation &+= 1
    state.pointee.freeClosureSlots.append(timer.slot)
    guard let body else { return }  // cancelled: a tombstone
    state.pointee.eventsProcessed &+= 1
    body()
  }
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
