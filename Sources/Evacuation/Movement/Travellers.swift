/// Every traveller's state: one record per traveller for what the
/// movement loop touches per event, one for what settling and going home
/// touch, one array per field for the rest.
///
/// Travellers are indexed 0..<count in the order they were added. Events
/// come in time order, which across a county is no order of travellers, so
/// each event reaches a traveller at random: with one array per field it
/// touched a cache line per field, and once the arrays outgrew the cache
/// (100k travellers) those misses grew the cost per event threefold. The
/// fields an event reads or writes sit together in `Motion` (56 bytes),
/// so an event touches one or two lines of its traveller; the fields of
/// admission, settling and the trip home sit together in `Settlement`;
/// fields read only for reports stay in arrays.
/// `Motion.next` threads each link's FIFO through the travellers
/// themselves, so queues allocate nothing per event.
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
    /// Back at home after leaving a shelter (to stay, or to dwell before
    /// it sets off for a shelter again).
    case home = 5
  }

  /// The fields the movement loop reads or writes on every event.
  struct Motion {
    /// Earliest time it may leave its arc (free-flow travel time).
    var readyAt: Int64 = 0
    var enteredAt: Int64 = 0
    /// Route cost left at the end of its arc when it entered it: a larger
    /// cost found there means it had to re-route.
    var expectedCost: Double = 0
    /// Free walking speed (m/s), read whenever a walker enters a link.
    let speed: Double
    /// The next traveller in the same arc's FIFO, -1 at the tail.
    var next: Int32 = -1
    /// The arc it is on, -1 when none.
    var arc: Int32 = -1
    var persons: Int32
    var destinations: Int32
    var mode: TravellerMode
    var state = State.waiting
    var rerouted = false
    /// On its way home from a shelter (routed to its origin, not to a shelter).
    var homeward = false
    /// The node it set off from (read at departure, in the 4 bytes the
    /// record would otherwise leave as padding).
    let origin: Int32
  }

  /// What happens to a traveller at a shelter and after: written when it
  /// is admitted or settles, read when it leaves for home and at the end.
  ///
  /// One record rather than one array per field: a group settling touched
  /// six arrays, each a cache miss once the county outgrew the cache.
  struct Settlement {
    /// When it was admitted or settled in place; -1 until then.
    var settledAt: Int64 = -1
    /// When it first reached a shelter (ms); -1 until then.
    ///
    /// Clearance is measured to this first arrival, whatever the household
    /// does later.
    var safeAt: Int64 = -1
    /// Delay from its first admission until it sets off home (ms); -1: never.
    let returnAfter: Int64
    /// When its scheduled leave for home is due (ms); older schedules are void.
    var leaveDue: Int64 = -1
    /// Time at home before it sets off for a shelter again (ms); -1: stays.
    var dwell: Int64
    /// The shelter that admitted it, -1 when none.
    var shelter: Int32 = -1
    /// Whether it has left a shelter for home.
    var hasReturned = false
    /// Sent home (all-clear) while on its way: it leaves once admitted.
    var homeOnAdmission = false
  }

  var motion: [Motion] = []
  var settlement: [Settlement] = []
  var callerID: [Int] = []
  var group: [Int32] = []
  var orderTime: [Int64] = []
  var departure: [Int64] = []

  var count: Int { motion.count }

  mutating func append(_ spec: TravellerSpec) -> Int {
    motion.append(
      Motion(
        speed: spec.walkSpeed, persons: Int32(spec.persons),
        destinations: Int32(spec.destinations), mode: spec.mode, origin: Int32(spec.origin)))
    settlement.append(
      Settlement(returnAfter: spec.returnAfter?.ms ?? -1, dwell: spec.dwell?.ms ?? -1))
    callerID.append(spec.id)
    group.append(Int32(spec.group))
    orderTime.append(spec.orderTime.ms)
    departure.append(spec.departure.ms)
    return motion.count - 1
  }

  mutating func reserve(_ n: Int) {
    let k = motion.count + n
    motion.reserveCapacity(k)
    settlement.reserveCapacity(k)
    callerID.reserveCapacity(k)
    group.reserveCapacity(k)
    orderTime.reserveCapacity(k)
    departure.reserveCapacity(k)
  }
}
