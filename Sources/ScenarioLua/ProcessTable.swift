import LuaHost

/// The live Lua processes of a run: coroutines, their state, and who waits
/// for them.
///
/// A process id packs a slot and the slot's generation, so a wake-up that
/// outlives its process (a cancelled waiter's timeout, say) finds a newer
/// generation and is ignored: cancellation by tombstone, without searching
/// the event queue.
///
/// A class, so that the host functions that read it on every call (the
/// running process, a slot's state) reach the table in place instead of
/// copying it, with a retain and a release per array, out of the scenario.
final class ProcessTable {
  enum State {
    case free
    /// A resume event is queued.
    case scheduled
    /// Waiting on a resource, container, store, event or join.
    case waiting
    case running
  }

  struct Slot {
    var thread: LuaThread?
    var generation: UInt32 = 0
    var state = State.free
    /// Values on the thread's stack to pass to the next resume.
    var resumeArguments: Int32 = 0
    var joiners: [Int64] = []
    var cancelRequested = false
    /// Resource ids of units this process acquired and still holds.
    var held: [Int] = []
  }

  var slots: [Slot] = []
  var freeSlots: [Int32] = []
  /// The running process, 0 when none (setup or a kernel callback).
  var current: Int64 = 0
  /// Processes started in all.
  var started = 0
  /// Coroutines whose process ended normally, parked in the prelude's
  /// worker loop and ready for the next process (creating and collecting a
  /// coroutine per process costs more than the process itself).
  var idleThreads: [LuaThread] = []
  static let maxIdleThreads = 4096

  /// Adds a process whose thread holds its function and `arguments` values.
  func add(_ thread: LuaThread, arguments: Int32) -> Int64 {
    let index: Int32
    if let free = freeSlots.popLast() {
      index = free
    } else {
      index = Int32(slots.count)
      slots.append(Slot())
    }
    let i = Int(index)
    slots[i].generation &+= 1
    if slots[i].generation == 0 { slots[i].generation = 1 }
    slots[i].thread = thread
    slots[i].state = .scheduled
    slots[i].resumeArguments = arguments
    slots[i].cancelRequested = false
    started += 1
    return Int64(slots[i].generation) << 32 | Int64(index)
  }

  /// The slot of a live process, nil for a finished or unknown id.
  func index(of pid: Int64) -> Int? {
    let index = Int(pid & 0xffff_ffff)
    guard pid > 0, index < slots.count,
      slots[index].generation == UInt32(truncatingIfNeeded: pid >> 32),
      slots[index].state != .free
    else { return nil }
    return index
  }

  /// Frees a slot; returns the thread to close and the joiners to wake.
  func remove(at index: Int) -> (thread: LuaThread?, joiners: [Int64]) {
    let thread = slots[index].thread
    let joiners = slots[index].joiners
    slots[index].thread = nil
    slots[index].state = .free
    // Keep the arrays' storage: slots are reused for the next process.
    slots[index].joiners.removeAll(keepingCapacity: true)
    slots[index].held.removeAll(keepingCapacity: true)
    freeSlots.append(Int32(index))
    return (thread, joiners)
  }
}
