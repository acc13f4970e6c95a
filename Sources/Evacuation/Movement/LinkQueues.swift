import Township

/// The queue state of every arc of both traffic classes: one record per
/// arc, indexed by slot (class x arc count + arc).
///
/// Per arc: the FIFO of travellers on it (threaded through
/// `Travellers.Motion.next`), the units on it, when the next one may
/// leave, the spillback bookkeeping (which downstream arc its head waits
/// for and the list of upstream arcs waiting for it) and what its events
/// read of the link: flow capacity, storage, what free-flow time needs and
/// the node it leads to. Units are vehicles for the drive class and
/// persons for the walk class.
///
/// Events come in time order, which across a county is no order of arcs,
/// so each event reaches its arcs at random. With one array per field a
/// head event touched a dozen cache lines, and once the arrays outgrew the
/// cache (a 1 M-household county has 400k arcs per class) the misses made
/// the cost per event grow with the county. One record per arc keeps an
/// arc's fields on one or two lines.
struct LinkQueues {
  /// What the events of one arc read and write.
  struct Arc {
    /// First traveller in the FIFO, -1 when empty.
    var head: Int32 = -1
    /// Last traveller in the FIFO, -1 when empty.
    var tail: Int32 = -1
    /// Units on the arc.
    var load: Int32 = 0
    /// The downstream arc (of the same class) this arc's head waits for, -1 when none.
    var waitingOn: Int32 = -1
    /// First upstream arc waiting for this one, -1 when none.
    var waiters: Int32 = -1
    /// The next arc in the same downstream arc's waiting list.
    var waitNext: Int32 = -1
    /// Head-check generation: bumped by every scheduled head check, so
    /// older checks are ignored.
    var generation: UInt32 = 0
    /// The node the arc leads to; -1 when the class may not use it.
    let toNode: Int32
    /// Position in `occupied` while the FIFO is not empty, -1 otherwise.
    var occupiedIndex: Int32 = -1
    /// The most units seen queued (ready to leave but not gone) at a sample.
    var maxQueued: Int32 = 0
    /// Earliest time (ms, fractional) the next traveller may leave.
    var nextExit: Double = 0
    /// Since when the head has waited for room downstream (ms), -1 when not.
    var blockedSince: Int64 = -1
    /// Flow capacity of the link, units per second.
    let capacity: Double
    /// Storage of the link per direction, units.
    let storage: Double
    /// What the free-flow time follows: seconds for vehicles, metres
    /// (the link's length, divided by the walker's speed) for walkers.
    let passage: Double
    /// Walkable area (m2), for the walkers' speed-density law; 0 for vehicles.
    let area: Double
  }

  /// Arcs per class (two per link).
  let arcCount: Int
  var arcs: ContiguousArray<Arc>
  /// Slots whose FIFO is not empty, in no particular order: the samples
  /// visit these rather than every arc of the map.
  var occupied: [Int32] = []

  init(township: Township, graphs: [MovementGraph]) {
    let links = township.links
    arcCount = 2 * links.count
    var arcs = ContiguousArray<Arc>()
    arcs.reserveCapacity(graphs.count * arcCount)
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
        for arc in [2 * index, 2 * index + 1] {
          arcs.append(
            Arc(
              toNode: graph.arcHead[arc], capacity: capacity, storage: storage, passage: passage,
              area: area))
        }
      }
    }
    self.arcs = arcs
  }

  /// Removes slot `slot` from the waiting list of the arc it waits for.
  mutating func stopWaiting(_ slot: Int) {
    let target = Int(arcs[slot].waitingOn)
    guard target >= 0 else { return }
    let base = slot - slot % arcCount
    let arc = Int32(slot - base)
    arcs[slot].waitingOn = -1
    var previous: Int32 = -1
    var current = arcs[base + target].waiters
    while current >= 0 {
      if current == arc {
        if previous < 0 {
          arcs[base + target].waiters = arcs[slot].waitNext
        } else {
          arcs[base + Int(previous)].waitNext = arcs[slot].waitNext
        }
        break
      }
      previous = current
      current = arcs[base + Int(current)].waitNext
    }
    arcs[slot].waitNext = -1
  }

  /// Registers slot `slot`'s head as waiting for room on arc `target` of its class.
  mutating func wait(_ slot: Int, on target: Int) {
    if Int(arcs[slot].waitingOn) == target { return }
    stopWaiting(slot)
    let base = slot - slot % arcCount
    arcs[slot].waitingOn = Int32(target)
    arcs[slot].waitNext = arcs[base + target].waiters
    arcs[base + target].waiters = Int32(slot - base)
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
