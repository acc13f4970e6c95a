import SimKernel
import Township

/// Mesoscopic evacuation movement: households as units in FIFO queues on
/// links, MATSim style, driven by the kernel's events (no time step).
///
/// A traveller entering a link may leave it no earlier than entry plus its
/// free-flow time (length over free speed for vehicles; length over the
/// walker's own speed, slowed by the crowd already on a path, for walkers).
/// Travellers leave a link in FIFO order, at most at its flow capacity (the
/// gap after a leaver is units / capacity: one vehicle, or a group's
/// persons), and only into a next link with storage left: while it is full
/// the upstream link's outflow is zero (spillback). Routing follows one
/// shortest-path tree per traffic class and destination set, grown from the
/// shelters that still admit (see `ShelterTree`), so a traveller decides
/// its next link only at the end of the current one and automatically
/// re-routes after closures and when shelters fill, close or open.
///
/// Choices beyond the MATSim model, each documented where it is made:
/// a departing group joins its first link even when it is full (MATSim's
/// waiting list: it waits in its driveway and blocks that link's upstream
/// inflow until it drains); travellers on a link when it closes turn back
/// to the node they entered from; a traveller finding no open route to a
/// shelter with room shelters in place and is counted; a head blocked for
/// longer than `stuckTime` enters anyway, so a circular jam cannot freeze
/// the run (MATSim's stuckTime).
public final class QueueNetwork {
  /// Tunables of the model.
  public struct Options: Sendable {
    /// Interval of the samples behind the time series (queues, occupancy, curves).
    public var sampleInterval = SimTime(ms: 60_000)
    /// How long a head may wait for room downstream before it enters anyway.
    ///
    /// Nil waits for ever. 300 s, above MATSim's 10 s default so a
    /// real queue is not broken up, yet short of any evacuation horizon.
    public var stuckTime: SimTime? = SimTime(ms: 300_000)

    public init() {}
  }

  /// Something worth an entry in the event log.
  public enum Notice: Sendable, Equatable {
    case shelterOpened(Int)
    case shelterFull(Int)
    case shelterClosed(Int)
    /// Every traveller added so far is safe or sheltering in place.
    case settled
    /// Traveller `traveller` left shelter `shelter` for home.
    case leftShelter(traveller: Int, shelter: Int)
    /// Traveller `traveller`'s way home from shelter `shelter` is cut: it stays there.
    case returnBlocked(traveller: Int, shelter: Int)
    /// Traveller `traveller` reached home.
    case reachedHome(Int)
    /// Traveller `traveller`'s way home was cut on the way: it makes for a shelter again.
    case returnDiverted(Int)
  }

  /// Width of a traffic lane for walkers using a road: 3.75 m, MATSim's
  /// effective lane width (reference/evacuation.md §2).
  public static let laneWidth = 3.75
  /// Walkers' flow on a road, persons per second and metre of width: 1.3,
  /// the SFPE tabulated specific flow for corridors (evacuation.md §3.1).
  public static let pedestrianFlow = 1.3
  /// Crowd density (persons/m2) below which walkers keep their free speed
  /// (SFPE: S = k(1 - 0.266 D) holds for D >= 0.54; evacuation.md §2).
  public static let unimpededDensity = 0.54
  /// The SFPE slope a = 0.266 m2/person.
  public static let densitySlope = 0.266
  /// The densest crowd the speed law is applied to: 1.88 persons/m2.
  ///
  /// The SFPE density of peak flow 1/(2a) (evacuation.md §2). Persons beyond
  /// it stand in the link's exit queue, which flow capacity and storage
  /// already account for; slowing them as well would count the jam twice
  /// (a 1 m door link at jam density would pass 0.2 persons/s).
  public static let peakFlowDensity = 1.88

  public let township: Township
  public let options: Options
  let simulator: Simulator
  var graphs: [MovementGraph]
  /// Both classes' arcs, by slot: class x `arcCount` + arc.
  var queues: LinkQueues
  /// Arcs per class (two per link).
  let arcCount: Int
  /// Trees by destination set x 2 + mode, built on first use (empty until then).
  var trees: [ShelterTree] = []
  /// Membership per destination set, by shelter index; set 0 is every shelter.
  var destinationSets: [[Bool]]
  public internal(set) var shelters: Shelters
  var travellers = Travellers()
  /// Departures not yet due; the kernel holds an event for the earliest only.
  var departures = PendingDepartures()

  var departHandler = HandlerID(raw: 0)
  var headHandlers: [HandlerID] = []
  var stuckHandlers: [HandlerID] = []
  var returnHandler = HandlerID(raw: 0)
  var admitHandler = HandlerID(raw: 0)
  var homewardHandler = HandlerID(raw: 0)
  var comeBackHandler = HandlerID(raw: 0)
  /// Trees leading home, one per traffic class and home node, built on
  /// first use (see `homeTree`); their classes, and their index by key
  /// home node x 2 + class (looked up, never iterated).
  var homeTrees: [ShelterTree] = []
  var homeTreeModes: [TravellerMode] = []
  var homeTreeIndex: [Int: Int] = [:]

  /// Called for notable events (from inside the simulation loop).
  public var onNotice: ((Notice) -> Void)?
  /// Called whenever a traveller (by index) leaves a link, with the link
  /// and class: for tracing flows and for tests; nil costs nothing.
  public var onLeave: ((_ link: Int, _ mode: TravellerMode, _ traveller: Int) -> Void)?
  /// Called whenever a shelter admits a group, with the shelter index and
  /// its persons, at the admission's sim time, and with minus its persons
  /// when a group leaves for home: models that follow the headcount
  /// (supplies) see it change when it does; nil costs nothing.
  public var onAdmit: ((_ shelter: Int, _ persons: Int) -> Void)?

  /// Called after each time-series sample, with its time: lets a caller
  /// integrate over the run on the same clock without events of its own.
  public var onSample: ((SimTime) -> Void)?

  /// Travellers neither safe nor sheltering in place.
  public internal(set) var unsettled = 0
  /// Persons by outcome, kept as they change.
  public internal(set) var personsOrdered = 0
  public internal(set) var personsDeparted = 0
  public internal(set) var personsSafe = 0
  public internal(set) var personsInPlace = 0
  /// Shelter-tree repairs so far (a cost figure for benchmarks).
  public internal(set) var treeRepairs = 0
  /// Travellers who turned back off a link that closed under them.
  public internal(set) var turnedBack = 0
  /// Travellers and persons who left a shelter for home.
  public internal(set) var householdsReturned = 0
  public internal(set) var personsReturned = 0
  /// Travellers whose way home was cut when they meant to leave (they stayed).
  public internal(set) var returnsBlocked = 0
  /// Travellers whose way home was cut on the way (they made for a shelter).
  public internal(set) var returnsDiverted = 0
  /// Travellers who set off from home for a shelter again after their dwell.
  public internal(set) var cameBack = 0
  /// Travellers away from home now (set off and not back): kept as states
  /// change, so a caller sampling who is at home need not count.
  public internal(set) var travellersAway = 0
  /// Travellers that have left a shelter for home, in the order they first did.
  public internal(set) var returners: [Int] = []
  /// When the last traveller settled (ms), -1 before.
  var settledAt: Int64 = -1
  var series = MovementSeries()
  var sampling = false
  /// When the next sample is due (ms).
  var nextSample: Int64 = 0
  var lastSampledOccupancy: [Int]

  /// A network on `township` driven by `simulator`; shelters open at their
  /// facilities' opening times (sim seconds; open already if past).
  public init(township: Township, simulator: Simulator, options: Options = Options()) {
    self.township = township
    self.simulator = simulator
    self.options = options
    graphs = TravellerMode.allCases.map { MovementGraph(township: township, mode: $0) }
    queues = LinkQueues(township: township, graphs: graphs)
    arcCount = 2 * township.links.count
    shelters = Shelters(township: township)
    destinationSets = [[Bool](repeating: true, count: shelters.count)]
    lastSampledOccupancy = [Int](repeating: 0, count: shelters.count)
    registerHandlers()
    let facilities = township.facilities.filter { $0.kind == .shelter }
    for (s, facility) in facilities.enumerated() {
      let opening = SimTime(seconds: facility.opensAt) ?? .zero
      if opening <= simulator.now {
        shelters.isOpen[s] = true
      } else {
        simulator.schedule(after: opening - simulator.now) { [unowned(unsafe) self] in
          self.openShelter(s)
        }
      }
    }
  }

  func registerHandlers() {
    departHandler = simulator.register { [unowned(unsafe) self] sim, payload in
      self.catchUpSamples(now: sim.now.ms)
      self.departures.removeMinimum(traveller: Int(payload))
      if let next = self.departures.armMinimum() {
        sim.schedule(
          self.departHandler, at: SimTime(ms: next.time), reservedSequence: next.sequence,
          payload: Int64(next.traveller))
      }
      self.depart(Int(payload), now: sim.now.ms)
    }
    headHandlers = TravellerMode.allCases.map { mode in
      simulator.register { [unowned(unsafe) self] sim, payload in
        self.catchUpSamples(now: sim.now.ms)
        let arc = Int(payload & 0xffff_ffff)
        let slot = Int(mode.rawValue) &* self.arcCount &+ arc
        guard UInt32(truncatingIfNeeded: payload >> 32) == self.queues.arcs[slot].generation
        else { return }
        self.processHead(mode, arc, now: sim.now.ms)
      }
    }
    stuckHandlers = TravellerMode.allCases.map { mode in
      simulator.register { [unowned(unsafe) self] sim, payload in
        self.catchUpSamples(now: sim.now.ms)
        self.checkStuck(mode, Int(payload), now: sim.now.ms)
      }
    }
    returnHandler = simulator.register { [unowned(unsafe) self] sim, payload in
      self.catchUpSamples(now: sim.now.ms)
      self.returned(Int(payload), now: sim.now.ms)
    }
    admitHandler = simulator.register { [unowned(unsafe) self] sim, payload in
      self.catchUpSamples(now: sim.now.ms)
      self.admitted(Int(payload), now: sim.now.ms)
    }
    homewardHandler = simulator.register { [unowned(unsafe) self] sim, payload in
      self.catchUpSamples(now: sim.now.ms)
      self.leaveForHome(Int(payload), now: sim.now.ms)
    }
    comeBackHandler = simulator.register { [unowned(unsafe) self] sim, payload in
      self.catchUpSamples(now: sim.now.ms)
      self.comeBack(Int(payload), now: sim.now.ms)
    }
  }

  /// The destination set of these shelters (indices into `shelters`),
  /// for `TravellerSpec.destinations`; equal sets share an index.
  public func destinationSet(shelters list: [Int]) -> Int {
    var member = [Bool](repeating: false, count: shelters.count)
    for s in list where member.indices.contains(s) { member[s] = true }
    if let known = destinationSets.firstIndex(of: member) { return known }
    destinationSets.append(member)
    return destinationSets.count - 1
  }

  /// Adds a traveller and schedules its departure; returns its index.
  ///
  /// The departure keeps the kernel key it would have as an event of its
  /// own but waits in `departures` until it is the earliest pending.
  ///
  /// - Precondition: the origin is a node of the map, persons >= 1, the
  ///   walking speed is positive, the destination set exists and the
  ///   departure is not in the past.
  @discardableResult
  public func add(_ spec: TravellerSpec) -> Int {
    precondition(township.nodes.indices.contains(spec.origin), "origin is not a map node")
    precondition(spec.persons >= 1 && spec.walkSpeed > 0, "a traveller needs persons and speed")
    precondition(destinationSets.indices.contains(spec.destinations), "unknown destination set")
    let index = travellers.append(spec)
    unsettled += 1
    personsOrdered += spec.persons
    settledAt = -1
    let departure = max(spec.departure, simulator.now)
    let sequence = simulator.reserveSequence()
    if departures.insert(traveller: index, time: departure.ms, sequence: sequence) {
      simulator.schedule(
        departHandler, at: departure, reservedSequence: sequence, payload: Int64(index))
    }
    startSampling(now: simulator.now.ms)
    return index
  }

  /// Reserves room for `n` more travellers (and their departures).
  public func reserveTravellers(_ n: Int) {
    travellers.reserve(n)
    departures.reserve(n)
  }

  /// Closes or reopens a link for one traffic class.
  ///
  /// A closed link carries no flow from now on: travellers on it turn back
  /// to the node they entered from, taking as long as they had spent on it
  /// (at most its free-flow time), and re-route from there; heads waiting
  /// to enter it choose again.
  public func setClosed(link: Int, mode: TravellerMode, _ closed: Bool) {
    let m = Int(mode.rawValue)
    guard graphs[m].closed[link] != closed else { return }
    catchUpSamples(now: simulator.now.ms)
    graphs[m].closed[link] = closed
    markTreesStale(mode: mode)
    guard closed else { return }
    let now = simulator.now.ms
    for arc in [2 * link, 2 * link + 1] {
      turnBack(mode, arc, now: now)
    }
  }

  /// Units on a link (both directions) of a class: vehicles or persons.
  public func load(link: Int, mode: TravellerMode) -> Int {
    let slot = Int(mode.rawValue) * arcCount + 2 * link
    return Int(queues.arcs[slot].load + queues.arcs[slot + 1].load)
  }

  /// The storage of a link for a class: vehicles or persons per direction.
  public func storage(link: Int, mode: TravellerMode) -> Double {
    queues.spills[Int(mode.rawValue) * arcCount + 2 * link].storage
  }

  /// Whether a link is closed for a traffic class.
  public func isClosed(link: Int, mode: TravellerMode) -> Bool {
    graphs[Int(mode.rawValue)].closed[link]
  }

  /// Marks shelter `s` open at its opening time (routing already counts
  /// it: early arrivals wait at its door).
  func openShelter(_ s: Int) {
    guard !shelters.isOpen[s], !shelters.isClosed[s] else { return }
    shelters.isOpen[s] = true
    onNotice?(.shelterOpened(s))
  }

  /// Closes shelter `s` for good (threatened): it admits no one any more
  /// and travellers heading there re-route; groups already queued at its
  /// door are still admitted, and those inside stay.
  public func closeShelter(_ s: Int) {
    guard !shelters.isClosed[s] else { return }
    catchUpSamples(now: simulator.now.ms)
    shelters.isClosed[s] = true
    markShelterRemoved(s)
    onNotice?(.shelterClosed(s))
  }

  /// Sets the admission rate of shelter `s` (persons per second; nil: at once).
  public func setAdmissionRate(_ s: Int, _ rate: Double?) {
    precondition(rate.map { $0 > 0 && $0.isFinite } ?? true, "rate must be positive")
    shelters.admissionRates[s] = rate
  }

  /// A link closed or opened for `mode`: its trees need a full repair.
  func markTreesStale(mode: TravellerMode) {
    for k in trees.indices where k % 2 == Int(mode.rawValue) {
      trees[k].isStale = true
      trees[k].needsFullRepair = true
    }
    for k in homeTrees.indices where homeTreeModes[k] == mode {
      homeTrees[k].isStale = true
      homeTrees[k].needsFullRepair = true
    }
  }

  /// Shelter `s` stopped admitting: trees that lead to it lose its catchment.
  func markShelterRemoved(_ s: Int) {
    for k in trees.indices where destinationSets[k / 2][s] {
      trees[k].isStale = true
      trees[k].removedShelters.append((Int32(shelters.nodes[s]), Int32(s)))
    }
  }
}
