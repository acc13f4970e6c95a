import Township

/// The queue state of every arc for one traffic class.
///
/// Per link: flow capacity (units per second), storage (units) and what
/// free-flow time needs. Per arc: the FIFO of travellers on it (threaded
/// through `Travellers.Motion.next`), the units on it, when the next one
/// may leave, and the spillback bookkeeping: which downstream arc its head
/// waits for and the list of upstream arcs waiting for it. Units are
/// vehicles for the drive class and persons for the walk class.
///
/// One record per link and one per arc rather than an array per field:
/// an event handles an arc or two anywhere in the county, and a record
/// keeps what it reads there on one cache line (see `Travellers`).
struct LinkQueues {
  /// A link as one traffic class sees it.
  struct Profile {
    var capacity: Double
    var storage: Double
    var length: Double
    /// Walkable area (m2), for the walkers' speed-density law.
    var area: Double
    /// Free-flow seconds (vehicles).
    var freeTime: Double
  }

  /// The queue on one direction of a link.
  struct Arc {
    var head: Int32 = -1
    var tail: Int32 = -1
    var load: Int32 = 0
    /// The downstream arc this arc's head waits for, -1 when none.
    var waitingOn: Int32 = -1
    /// The next arc in the same downstream arc's waiting list.
    var waitNext: Int32 = -1
    /// First upstream arc waiting for this one, -1 when none.
    var waiters: Int32 = -1
    /// Earliest time (ms, fractional) the next traveller may leave.
    var nextExit: Double = 0
    /// Since when the head has waited for room downstream (ms), -1 when not.
    var blockedSince: Int64 = -1
  }

  let links: [Profile]
  var arcs: [Arc]
  /// The most units seen queued (ready to leave but not gone) at a sample.
  var maxQueued: [Int32]

  init(township: Township, mode: TravellerMode) {
    let links = township.links
    let capacity: [Double]
    let storage: [Double]
    let area: [Double]
    switch mode {
    case .drive:
      capacity = links.map { $0.mode == .road ? $0.capacity : 0 }
      storage = links.map(\.storage)
      area = links.map { _ in 0 }
    case .walk:
      // On a road walkers use the carriageway: lanes x 3.75 m of width.
      let widths = links.map {
        $0.mode == .path ? $0.width : Double($0.lanes) * QueueNetwork.laneWidth
      }
      capacity = zip(links, widths).map { link, width in
        link.mode == .path ? link.capacity : QueueNetwork.pedestrianFlow * width
      }
      area = zip(links, widths).map { $0.length * $1 }
      storage = area.map { max(1, $0 * Link.pedestrianJamDensity) }
    }
    self.links = links.indices.map {
      Profile(
        capacity: capacity[$0], storage: storage[$0], length: links[$0].length, area: area[$0],
        freeTime: links[$0].freeTravelTime)
    }
    arcs = [Arc](repeating: Arc(), count: 2 * links.count)
    maxQueued = [Int32](repeating: 0, count: 2 * links.count)
  }

  /// Removes `arc` from the waiting list of the arc it waits for.
  mutating func stopWaiting(_ arc: Int) {
    let target = Int(arcs[arc].waitingOn)
    guard target >= 0 else { return }
    arcs[arc].waitingOn = -1
    var previous: Int32 = -1
    var current = arcs[target].waiters
    while current >= 0 {
      if Int(current) == arc {
        if previous < 0 {
          arcs[target].waiters = arcs[arc].waitNext
        } else {
          arcs[Int(previous)].waitNext = arcs[arc].waitNext
        }
        break
      }
      previous = current
      current = arcs[Int(current)].waitNext
    }
    arcs[arc].waitNext = -1
  }

  /// Registers `arc`'s head as waiting for room on `target`.
  mutating func wait(_ arc: Int, on target: Int) {
    if Int(arcs[arc].waitingOn) == target { return }
    stopWaiting(arc)
    arcs[arc].waitingOn = Int32(target)
    arcs[arc].waitNext = arcs[target].waiters
    arcs[target].waiters = Int32(arc)
  }
}
