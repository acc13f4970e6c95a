import SimKernel

/// How a traveller moves: on foot as a group of persons, or by car.
///
/// Walkers and vehicles queue separately (a walker never waits behind a
/// car): on paths only walkers move; on roads walkers use the carriageway as
/// a wide path (see `QueueNetwork.laneWidth`) and vehicles their lanes.
public enum TravellerMode: UInt8, Sendable, CaseIterable {
  case walk = 0
  case drive = 1
}

/// One household (or any group that moves together) to be moved to shelter.
///
/// `id` is the caller's; the network keeps it only to report back.
/// `group` is a caller-chosen integer the summary breaks results down by
/// (a zone index, say); `orderTime` is when the evacuation order reached
/// the traveller, from which its evacuation time is measured.
public struct TravellerSpec: Sendable, Equatable {
  public var id: Int
  /// The node the traveller leaves from.
  public var origin: Int
  public var persons: Int
  public var mode: TravellerMode
  /// Free walking speed (m/s); unused when driving.
  public var walkSpeed: Double
  /// When the traveller sets off.
  public var departure: SimTime
  /// When its evacuation order was given (times are measured from it).
  public var orderTime: SimTime
  public var group: Int
  /// The destination set (see `QueueNetwork.destinationSet(shelters:)`);
  /// 0 is every shelter.
  public var destinations: Int
  /// Time from its first admission to a shelter until it sets off home
  /// again (to fetch family, pets or belongings); nil stays at the shelter.
  public var returnAfter: SimTime?
  /// Time at home before it sets off for a shelter again; nil stays home.
  public var dwell: SimTime?

  public init(
    id: Int, origin: Int, persons: Int, mode: TravellerMode, walkSpeed: Double = 1.34,
    departure: SimTime, orderTime: SimTime = .zero, group: Int = 0, destinations: Int = 0,
    returnAfter: SimTime? = nil, dwell: SimTime? = nil
  ) {
    self.id = id
    self.origin = origin
    self.persons = persons
    self.mode = mode
    self.walkSpeed = walkSpeed
    self.departure = departure
    self.orderTime = orderTime
    self.group = group
    self.destinations = destinations
    self.returnAfter = returnAfter
    self.dwell = dwell
  }
}
