/// Every traveller's state, one array per field (structure of arrays).
///
/// Travellers are indexed 0..<count in the order they were added; the hot
/// loop touches a few fields of many travellers, which arrays of plain
/// values serve best. `next` threads each link's FIFO through the
/// travellers themselves, so queues allocate nothing per event.
struct Travellers {
  /// What a traveller is doing.
  enum State: UInt8 {
    /// Ordered, not yet set off.
    case waiting = 0
    /// On a link (or turning back off a closed one).
    case moving = 1
    /// At a shelter's door, in its admission queue.
    case admitting = 2
    /// Admitted to a shelter.
    case safe = 3
    /// No open route to any shelter with room: sheltering where it stands.
    case inPlace = 4
  }

  var callerID: [Int] = []
  var origin: [Int32] = []
  var persons: [Int32] = []
  var mode: [TravellerMode] = []
  var speed: [Double] = []
  var group: [Int32] = []
  var destinations: [Int32] = []
  var orderTime: [Int64] = []
  var departure: [Int64] = []
  /// When it was admitted or settled in place; -1 until then.
  var settledAt: [Int64] = []
  var state: [State] = []
  /// The arc it is on, -1 when none.
  var arc: [Int32] = []
  var enteredAt: [Int64] = []
  /// Earliest time it may leave its arc (free-flow travel time).
  var readyAt: [Int64] = []
  /// The next traveller in the same arc's FIFO, -1 at the tail.
  var next: [Int32] = []
  /// Route cost left at the end of its arc when it entered it: a larger
  /// cost found there means it had to re-route.
  var expectedCost: [Double] = []
  var rerouted: [Bool] = []
  /// The shelter that admitted it, -1 when none.
  var shelter: [Int32] = []

  var count: Int { callerID.count }

  mutating func append(_ spec: TravellerSpec) -> Int {
    callerID.append(spec.id)
    origin.append(Int32(spec.origin))
    persons.append(Int32(spec.persons))
    mode.append(spec.mode)
    speed.append(spec.walkSpeed)
    group.append(Int32(spec.group))
    destinations.append(Int32(spec.destinations))
    orderTime.append(spec.orderTime.ms)
    departure.append(spec.departure.ms)
    settledAt.append(-1)
    state.append(.waiting)
    arc.append(-1)
    enteredAt.append(0)
    readyAt.append(0)
    next.append(-1)
    expectedCost.append(0)
    rerouted.append(false)
    shelter.append(-1)
    return callerID.count - 1
  }

  mutating func reserve(_ n: Int) {
    for k in [callerID.count + n] {
      callerID.reserveCapacity(k)
      origin.reserveCapacity(k)
      persons.reserveCapacity(k)
      mode.reserveCapacity(k)
      speed.reserveCapacity(k)
      group.reserveCapacity(k)
      destinations.reserveCapacity(k)
      orderTime.reserveCapacity(k)
      departure.reserveCapacity(k)
      settledAt.reserveCapacity(k)
      state.reserveCapacity(k)
      arc.reserveCapacity(k)
      enteredAt.reserveCapacity(k)
      readyAt.reserveCapacity(k)
      next.reserveCapacity(k)
      expectedCost.reserveCapacity(k)
      rerouted.reserveCapacity(k)
      shelter.reserveCapacity(k)
    }
  }
}
