import Township

/// The queue state of every arc of both traffic classes, indexed by slot
/// (class x arc count + arc): a hot record per arc with what every head
/// event reads and writes, and a cold one with what only spillback, the
/// samples and reports touch.
///
/// Hot, per arc (`Arc`, 64 bytes, one cache line: the records start on a
/// line boundary): the FIFO of travellers on it (threaded through
/// `Travellers.Motion.next`), the units on it, when the next one may
/// leave, the head-check generation, and what its events read of the
/// link: flow capacity, storage in whole units, free-flow time's input,
/// walkable area and the node it leads to; plus flags telling whether the
/// cold spillback fields are set. Cold (`Spill`): which downstream arc its
/// head waits for, the list of upstream arcs waiting for it, since when
/// its head is blocked, the most units seen queued at a sample and the
/// storage as the link gives it. Units are vehicles for the drive class
/// and persons for the walk class.
///
/// Events come in time order, which across a county is no order of arcs,
/// so each event reaches its arcs at random: once the records outgrew the
/// cache (a 1 M-household county has 400k arcs per class) every record an
/// event touched cost a miss per cache line it spanned. The single 88-byte
/// record spanned two or three lines; the hot record spans one, and the
/// cold one is touched only while heads wait for room downstream.
struct LinkQueues {
  /// What the events of one arc read and write.
  struct Arc {
    /// Earliest time (ms, fractional) the next traveller may leave.
    var nextExit: Double = 0
    /// Flow capacity of the link, units per second.
    let capacity: Double
    /// What the free-flow time follows: seconds for vehicles, metres
    /// (the link's length, divided by the walker's speed) for walkers.
    let passage: Double
    /// Walkable area (m2), for the walkers' speed-density law; 0 for vehicles.
    let area: Double
    /// First traveller (slot) in the FIFO, -1 when empty.
    var head: Int32 = -1
    /// Last traveller (slot) in the FIFO, -1 when empty.
    var tail: Int32 = -1
    /// Units on the arc.
    var load: Int32 = 0
    /// Head-check generation: bumped by every scheduled head check, so
    /// older checks are ignored.
    var generation: UInt32 = 0
    /// The node the arc leads to; -1 when the class may not use it.
    let toNode: Int32
    /// Position in `occupied` while the FIFO is not empty, -1 otherwise.
    var occupiedIndex: Int32 = -1
    /// The storage in whole units (rounded down, at most `Int32.max`):
    /// a whole number of units fits the storage exactly when it fits this.
    let room: Int32
    /// Which of the cold record's fields are set (`Spill.waiting`,
    /// `.hasWaiters`, `.blocked`), so the hot path reads the cold record
    /// only when one is.
    var spill: UInt8 = 0
  }

  /// What spillback, the samples and reports read and write of an arc.
  struct Spill {
    /// `Arc.spill`: the head waits for room downstream (`waitingOn` set).
    static let waiting: UInt8 = 1
    /// `Arc.spill`: upstream heads wait for this arc (`waiters` set).
    static let hasWaiters: UInt8 = 2
    /// `Arc.spill`: the head is blocked (`blockedSince` set).
    static let blocked: UInt8 = 4

    /// The downstream arc (of the same class) this arc's head waits for, -1 when none.
    var waitingOn: Int32 = -1
    /// First upstream arc waiting for this one, -1 when none.
    var waiters: Int32 = -1
    /// The next arc in the same downstream arc's waiting list.
    var waitNext: Int32 = -1
    /// The most units seen queued (ready to leave but not gone) at a sample.
    var maxQueued: Int32 = 0
    /// Since when the head has waited for room downstream (ms), -1 when not.
    var blockedSince: Int64 = -1
    /// Storage of the link per direction, units.
    let storage: Double
  }

  /// Arcs per class (two per link).
  let arcCount: Int
  /// The hot records, by slot (line-aligned; see `ArcRecords`).
  ///
  /// Written through the pointer, so copies of a `LinkQueues` share them:
  /// the network holds the only one.
  let arcs: UnsafeMutablePointer<Arc>
  /// Owns `arcs`.
  private let records: ArcRecords
  /// The cold records, by slot.
  var spills: ContiguousArray<Spill>
  /// Slots whose FIFO is not empty, in no particular order: the samples
  /// visit these rather than every arc of the map.
  var occupied: [Int32] = []

  init(township: Township, graphs: [MovementGraph]) {
    let links = township.links
    arcCount = 2 * links.count
    var hot: [Arc] = []
    hot.reserveCapacity(graphs.count * arcCount)
    var spills = ContiguousArray<Spill>()
    spills.reserveCapacity(graphs.count * arcCount)
    for graph in graphs {
      for (index, link) in links.enumerated() {
        let capacity: Double
        let storage: Double
        let passage: Double
        let area: Double
        switch graph.mode {
        case .drive:
          capacity = link.mode == .road ? link.capacity : 0
          storage = link.storage
          passage = link.freeTravelTime
          area = 0
        case .walk:
          // On a road walkers use the carriageway: lanes x 3.75 m of width.
          let width = link.mode == .path ? link.width : Double(link.lanes) * QueueNetwork.laneWidth
          capacity = link.mode == .path ? link.capacity : QueueNetwork.pedestrianFlow * width
          area = link.length * width
          storage = max(1, area * Link.pedestrianJamDensity)
          passage = link.length
        }
        let room = Int32(min(storage.rounded(.down), Double(Int32.max)))
        for arc in [2 * index, 2 * index + 1] {
          hot.append(
            Arc(
              capacity: capacity, passage: passage, area: area, toNode: graph.arcHead[arc],
              room: room))
          spills.append(Spill(storage: storage))
        }
      }
    }
    records = ArcRecords(hot)
    arcs = records.base
    self.spills = spills
  }

  /// Whether `units` more fit on slot `slot`: an empty arc takes any group.
  @inline(__always) func hasRoom(_ slot: Int, units: Int32) -> Bool {
    let load = arcs[slot].load
    return load == 0 || load + units <= arcs[slot].room
  }

  /// Removes slot `slot` from the waiting list of the arc it waits for.
  mutating func stopWaiting(_ slot: Int) {
    guard arcs[slot].spill & Spill.waiting != 0 else { return }
    let target = Int(spills[slot].waitingOn)
    let base = slot - slot % arcCount
    let arc = Int32(slot - base)
    spills[slot].waitingOn = -1
    arcs[slot].spill &= ~Spill.waiting
    var previous: Int32 = -1
    var current = spills[base + target].waiters
    while current >= 0 {
      if current == arc {
        if previous < 0 {
          spills[base + target].waiters = spills[slot].waitNext
          if spills[slot].waitNext < 0 { arcs[base + target].spill &= ~Spill.hasWaiters }
        } else {
          spills[base + Int(previous)].waitNext = spills[slot].waitNext
        }
        break
      }
      previous = current
      current = spills[base + Int(current)].waitNext
    }
    spills[slot].waitNext = -1
  }

  /// Registers slot `slot`'s head as waiting for room on arc `target` of its class.
  mutating func wait(_ slot: Int, on target: Int) {
    if arcs[slot].spill & Spill.waiting != 0, Int(spills[slot].waitingOn) == target { return }
    stopWaiting(slot)
    let base = slot - slot % arcCount
    spills[slot].waitingOn = Int32(target)
    arcs[slot].spill |= Spill.waiting
    spills[slot].waitNext = spills[base + target].waiters
    spills[base + target].waiters = Int32(slot - base)
    arcs[base + target].spill |= Spill.hasWaiters
  }

  /// Takes slot `slot`'s waiting list (its arcs, by arc of the class, are
  /// threaded through `Spill.waitNext`): the list is empty afterwards.
  mutating func takeWaiters(_ slot: Int) -> Int32 {
    guard arcs[slot].spill & Spill.hasWaiters != 0 else { return -1 }
    arcs[slot].spill &= ~Spill.hasWaiters
    let first = spills[slot].waiters
    spills[slot].waiters = -1
    return first
  }

  /// Slot `slot`'s head waits for no arc any more (it was taken off the
  /// list by `takeWaiters`); returns the next arc of that list.
  mutating func releaseWaiter(_ slot: Int) -> Int32 {
    let next = spills[slot].waitNext
    spills[slot].waitNext = -1
    spills[slot].waitingOn = -1
    arcs[slot].spill &= ~Spill.waiting
    return next
  }

  /// Since when slot `slot`'s head is blocked, nil when it is not.
  @inline(__always) func blockedSince(_ slot: Int) -> Int64? {
    arcs[slot].spill & Spill.blocked != 0 ? spills[slot].blockedSince : nil
  }

  /// Marks slot `slot`'s head blocked since `time`.
  mutating func block(_ slot: Int, since time: Int64) {
    spills[slot].blockedSince = time
    arcs[slot].spill |= Spill.blocked
  }

  /// Marks slot `slot`'s head not blocked.
  @inline(__always) mutating func unblock(_ slot: Int) {
    guard arcs[slot].spill & Spill.blocked != 0 else { return }
    spills[slot].blockedSince = -1
    arcs[slot].spill &= ~Spill.blocked
  }

  /// Notes that slot `slot`'s FIFO is no longer empty.
  mutating func markOccupied(_ slot: Int) {
    guard arcs[slot].occupiedIndex < 0 else { return }
    arcs[slot].occupiedIndex = Int32(occupied.count)
    occupied.append(Int32(slot))
  }

  /// Notes that slot `slot`'s FIFO is empty (the last entry takes its place).
  mutating func markEmpty(_ slot: Int) {
    let index = Int(arcs[slot].occupiedIndex)
    guard index >= 0 else { return }
    let last = occupied.removeLast()
    if Int(last) != slot {
      occupied[index] = last
      arcs[Int(last)].occupiedIndex = Int32(index)
    }
    arcs[slot].occupiedIndex = -1
  }
}

/// Line-aligned storage for the hot arc records, freed with its owner.
///
/// An array's elements start 32 bytes into its buffer, so 64-byte records
/// there straddle two cache lines; these start on a 64-byte boundary.
final class ArcRecords {
  let base: UnsafeMutablePointer<LinkQueues.Arc>
  let count: Int

  init(_ records: [LinkQueues.Arc]) {
    count = records.count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: max(1, count) * MemoryLayout<LinkQueues.Arc>.stride, alignment: 64)
    base = raw.bindMemory(to: LinkQueues.Arc.self, capacity: max(1, count))
    _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: records)
  }

  deinit {
    base.deinitialize(count: count)
    UnsafeMutableRawPointer(base).deallocate()
  }
}
