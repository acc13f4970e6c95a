import Township

/// The queue state of every arc for one traffic class (structure of arrays).
///
/// Per link: flow capacity (units per second), storage (units) and what
/// free-flow time needs. Per arc: the FIFO of travellers on it (threaded
/// through `Travellers.Motion.next`), the units on it, when the next one may
/// leave, and the spillback bookkeeping: which downstream arc its head
/// waits for and the list of upstream arcs waiting for it. Units are
/// vehicles for the drive class and persons for the walk class.
struct LinkQueues {
  let capacity: [Double]
  let storage: [Double]
  let length: [Double]
  /// Walkable area (m2), for the walkers' speed-density law.
  let area: [Double]
  /// Free-flow seconds (vehicles).
  let freeTime: [Double]

  var head: [Int32]
  var tail: [Int32]
  var load: [Int32]
  /// Earliest time (ms, fractional) the next traveller may leave.
  var nextExit: [Double]
  /// The downstream arc this arc's head waits for, -1 when none.
  var waitingOn: [Int32]
  /// The next arc in the same downstream arc's waiting list.
  var waitNext: [Int32]
  /// First upstream arc waiting for this one, -1 when none.
  var waiters: [Int32]
  /// Since when the head has waited for room downstream (ms), -1 when not.
  var blockedSince: [Int64]
  /// The most units seen queued (ready to leave but not gone) at a sample.
  var maxQueued: [Int32]

  init(township: Township, mode: TravellerMode) {
    let links = township.links
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
    length = links.map(\.length)
    freeTime = links.map(\.freeTravelTime)
    let arcs = 2 * links.count
    head = [Int32](repeating: -1, count: arcs)
    tail = head
    waitingOn = head
    waitNext = head
    waiters = head
    load = [Int32](repeating: 0, count: arcs)
    maxQueued = load
    nextExit = [Double](repeating: 0, count: arcs)
    blockedSince = [Int64](repeating: -1, count: arcs)
  }

  /// Removes `arc` from the waiting list of the arc it waits for.
  mutating func stopWaiting(_ arc: Int) {
    let target = Int(waitingOn[arc])
    guard target >= 0 else { return }
    waitingOn[arc] = -1
    var previous: Int32 = -1
    var current = waiters[target]
    while current >= 0 {
      if Int(current) == arc {
        if previous < 0 {
          waiters[target] = waitNext[arc]
        } else {
          waitNext[Int(previous)] = waitNext[arc]
        }
        break
      }
      previous = current
      current = waitNext[Int(current)]
    }
    waitNext[arc] = -1
  }

  /// Registers `arc`'s head as waiting for room on `target`.
  mutating func wait(_ arc: Int, on target: Int) {
    if Int(waitingOn[arc]) == target { return }
    stopWaiting(arc)
    waitingOn[arc] = Int32(target)
    waitNext[arc] = waiters[target]
    waiters[target] = Int32(arc)
  }
}
