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
/// The slots live in storage the table owns, not in an array: a process's
/// slot is written several times per resume, and each write to an array
/// element first checks that the array is not shared (copy-on-write).
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
    /// The units this process acquired and still holds, first of all.
    ///
    /// Resource ids in the order it acquired them: the first in `firstHeld`
    /// (-1: none), the rest in `moreHeld`. Most processes hold one unit at
    /// a time, and a plain field costs no array bookkeeping per request and
    /// release.
    var firstHeld = -1
    var moreHeld: [Int] = []

    /// The resource ids of the units held, in acquisition order.
    var held: [Int] { firstHeld < 0 ? [] : [firstHeld] + moreHeld }

    /// Books a unit of resource `id`.
    mutating func hold(_ id: Int) {
      if firstHeld < 0 { firstHeld = id } else { moreHeld.append(id) }
    }

    /// Unbooks the first unit of resource `id` booked, if there is one.
    mutating func unhold(_ id: Int) {
      if firstHeld == id {
        firstHeld = moreHeld.isEmpty ? -1 : moreHeld.removeFirst()
      } else if let k = moreHeld.firstIndex(of: id) {
        moreHeld.remove(at: k)
      }
    }
  }

  /// `slotCount` initialized slots, room for `slotCapacity`.
  private(set) var slots: UnsafeMutablePointer<Slot>
  private(set) var slotCount = 0
  private var slotCapacity: Int
  var freeSlots: [Int32] = []
  /// The running process, 0 when none (setup or a kernel callback).
  var current: Int64 = 0
  /// Processes started in all.
  var started = 0
  /// Coroutines whose process ended (its body returned, or it was
  /// cancelled and reset), empty and ready for the next process.
  var idleThreads: [LuaThread] = []
  static let maxIdleThreads = 4096

  init() {
    slotCapacity = 64
    slots = .allocate(capacity: slotCapacity)
  }

  deinit {
    slots.deinitialize(count: slotCount)
    slots.deallocate()
  }

  /// Adds a process whose thread holds its function and `arguments` values.
  func add(_ thread: LuaThread, arguments: Int32) -> Int64 {
    let index: Int32
    if let free = freeSlots.popLast() {
      index = free
    } else {
      index = Int32(slotCount)
      appendSlot()
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
  ///
  /// Inlined: every fast call and resume looks a process up.
  @inline(__always) func index(of pid: Int64) -> Int? {
    let index = Int(pid & 0xffff_ffff)
    guard pid > 0, index < slotCount,
      slots[index].generation == UInt32(truncatingIfNeeded: pid >> 32),
      slots[index].state != .free
    else { return nil }
    return index
  }

  /// Frees a slot and returns its thread.
  ///
  /// Its joiners stay for the caller to wake (`LuaScenario.wakeJoiners`):
  /// the slot is not reused before then.
  func remove(at index: Int) -> LuaThread? {
    let thread = slots[index].thread
    slots[index].thread = nil
    slots[index].state = .free
    slots[index].firstHeld = -1
    if !slots[index].moreHeld.isEmpty {
      // Keep the storage: slots are reused for the next process.
      slots[index].moreHeld.removeAll(keepingCapacity: true)
    }
    freeSlots.append(Int32(index))
    return thread
  }

  /// A new free slot at the end, growing the storage when it is full.
  private func appendSlot() {
    if slotCount == slotCapacity {
      let grown = UnsafeMutablePointer<Slot>.allocate(capacity: 2 * slotCapacity)
      grown.moveInitialize(from: slots, count: slotCount)
      slots.deallocate()
      slots = grown
      slotCapacity *= 2
    }
    (slots + slotCount).initialize(to: Slot())
    slotCount += 1
  }
}
