import Evacuation
import SimKernel
import Township

/// A run's evacuation: the household roster, warnings reaching it,
/// mobilisation deciding who leaves when, and the households moving over
/// the run's map to its shelters on the queue network, with the map's
/// closures.
///
/// Every closure the script or a hazard makes on the `LiveMap` reaches the
/// movement as it happens (per mode: a flood closes a road to cars before
/// walkers), including those made before the model was built. A zone under
/// a warning (`warn`) leaves household by household at each one's first
/// warning plus its pre-movement delay; a zone ordered without one hears
/// the order at once. Times of travellers are measured from their zone's
/// evacuation order.
public final class EvacuationModel {
  public let network: QueueNetwork
  /// Every household of the run, drawn once from the map's zones.
  public let roster: HouseholdRoster
  /// Who leaves and after what delay; `evacuate` may override the delays.
  public var mobilisation = MobilisationModel()
  let map: LiveMap
  let simulator: Simulator
  let streams: RandomStreams
  /// Notable events, as an events.jsonl kind and its fields.
  public var onEvent: ((String, [(key: String, value: Value)]) -> Void)?
  /// Told of the households an order leaves waiting for a team, in roster
  /// order, with the order's index (for `fetch`).
  public var onAssistanceNeeded: ((_ households: [Int], _ order: Int) -> Void)?
  /// Whether each zone has been ordered out.
  var ordered: [Bool]
  /// The longest pre-movement delay used (10^9 s): a distribution's
  /// extreme tail is cut there rather than overflowing the clock.
  static let longestDelay = 1e9
  /// Time of the first order.
  public internal(set) var firstOrder: SimTime?
  /// Households sent on their way (travellers added to the network).
  public internal(set) var households = 0
  /// Per household: decided (on its way, waiting for help, or staying
  /// for good), so a later order does not count it twice.
  var decided: [Bool]
  /// Per household waiting for its warning before it can leave: the order
  /// it obeys (index into `pending`), -1 otherwise.
  var awaitingWarning: [Int32]
  /// The orders whose households wait for their warnings.
  var pending: [PendingOrder] = []
  /// Per household: its pre-movement delay under the order that released
  /// it (valid while it awaits its warning).
  var pendingDelay: [SimTime]
  /// Zones some warning was issued to (their households leave when warned).
  var warnedZones: [Bool]
  /// Households and persons by outcome of the orders so far.
  public internal(set) var tally = OrderTally()
  /// The warning run, built at the first `warn`.
  public internal(set) var warnings: WarningRun?
  /// Channel models replacing the standard ones, for the warning run.
  public internal(set) var channelModels: [ChannelModel] = []
  /// The 叫应 policy, for the warning run.
  public internal(set) var callAndAnswer = CallAndAnswerPolicy()
  /// Power and network per zone, asked by the warning channels.
  public var infrastructure: any InfrastructureStatus = OutageSchedule()
  /// Per grid and channel: whether the channel has reached anyone there yet
  /// (the `warning.warned` event is written once per grid and channel).
  var gridChannelWarned: [Bool]
  /// Person-seconds spent in hazard so far (see `sampleExposure`).
  public internal(set) var exposedPersonSeconds = 0.0
  /// When exposure was last sampled (at first, when the model was built).
  var exposureSampledAt: SimTime
  /// Each household's rank in its zone, built on first use.
  var zoneRanks: [Int] = []
  /// The household of each traveller (network index).
  var travellerHousehold: [Int] = []
  /// The traveller of each household (network index), -1 before it has one.
  var householdTraveller: [Int32]
  /// Per household: the time from its first admission until it sets off
  /// home, and its dwell at home (`SimTime.never`: stays at the shelter,
  /// stays home), as its order drew them.
  var returnAfter: [SimTime]
  var returnDwell: [SimTime]
  /// Per traveller: whether it has been in hazard since it left a shelter.
  var returnerExposed: [Bool] = []
  /// Households the all-clears sent or kept home.
  public internal(set) var clearedHouseholds = 0
  /// Whether a place is over a hazard threshold at a time (see
  /// `sampleExposure`); nil counts no exposure.
  public var hazard: ((MapPoint, SimTime) -> Bool)?

  /// Builds the network and the roster on `map`; the roster is drawn from
  /// the run's stream "population" with `population`.
  ///
  /// - Throws: `ScenarioError` for invalid population options.
  public convenience init(
    map: LiveMap, simulator: Simulator, streams: RandomStreams,
    options: QueueNetwork.Options = QueueNetwork.Options(),
    population: PopulationOptions = PopulationOptions()
  ) throws(ScenarioError) {
    let stream = streams.index(of: HouseholdRoster.streamName)
    let roster: HouseholdRoster
    do {
      roster = try streams.draw(from: stream) { (s) throws(EvacuationError) in
        try HouseholdRoster(township: map.township, options: population, stream: &s)
      }
    } catch {
      throw ScenarioError("population", error.description)
    }
    self.init(map: map, simulator: simulator, streams: streams, roster: roster, options: options)
  }

  /// Builds the network on `map` for a given roster (whose zones are the
  /// map's); pre-movement delays are drawn from the run's stream
  /// "premovement".
  public init(
    map: LiveMap, simulator: Simulator, streams: RandomStreams, roster: HouseholdRoster,
    options: QueueNetwork.Options = QueueNetwork.Options()
  ) {
    self.map = map
    self.simulator = simulator
    self.streams = streams
    self.roster = roster
    exposureSampledAt = simulator.now
    network = QueueNetwork(township: map.township, simulator: simulator, options: options)
    ordered = [Bool](repeating: false, count: map.township.zones.count)
    warnedZones = ordered
    decided = [Bool](repeating: false, count: roster.count)
    householdTraveller = [Int32](repeating: -1, count: roster.count)
    awaitingWarning = [Int32](repeating: -1, count: roster.count)
    pendingDelay = [SimTime](repeating: .never, count: roster.count)
    returnAfter = pendingDelay
    returnDwell = pendingDelay
    gridChannelWarned = [Bool](
      repeating: false, count: roster.gridIDs.count * WarningChannel.allCases.count)
    for (index, link) in map.township.links.enumerated() {
      if let closed = map.closedModes(link: link.id) { apply(index, closed) }
    }
    map.observeClosures { [unowned(unsafe) self] index, closed in self.apply(index, closed) }
    network.onNotice = { [unowned(unsafe) self] notice in self.report(notice) }
    network.onSample = { [unowned(unsafe) self] time in self.sampleExposure(upTo: time) }
  }

  func apply(_ link: Int, _ closed: LiveMap.HazardClosure) {
    network.setClosed(link: link, mode: .drive, closed.driving)
    network.setClosed(link: link, mode: .walk, closed.walking)
  }

  /// The index of a zone by id.
  public func zone(_ id: String) throws(ScenarioError) -> Int {
    guard let index = map.township.zones.firstIndex(where: { $0.id == id }) else {
      throw ScenarioError("", "no zone '\(id)' on the map")
    }
    return index
  }

  /// The index of a shelter by facility id.
  public func shelter(_ id: String) throws(ScenarioError) -> Int {
    guard let index = network.shelters.index(of: id) else {
      let known = network.shelters.ids.prefix(8).joined(separator: ", ")
      throw ScenarioError(
        "", "no shelter '\(id)' on the map" + (known.isEmpty ? " (it has none)" : " (\(known)...)"))
    }
    return index
  }

  /// Turns the network's notices into events.
  func report(_ notice: QueueNetwork.Notice) {
    switch notice {
    case .shelterOpened(let s): shelterEvent("shelter.opened", s)
    case .shelterFull(let s): shelterEvent("shelter.full", s)
    case .shelterClosed(let s): shelterEvent("shelter.closed", s)
    case .leftShelter(let t, let s): returnEvent("evacuation.return", t, shelter: s)
    case .returnBlocked(let t, let s): returnEvent("evacuation.return_blocked", t, shelter: s)
    case .reachedHome(let t): returnEvent("evacuation.home", t, shelter: nil)
    case .returnDiverted(let t): returnEvent("evacuation.return_diverted", t, shelter: nil)
    case .settled:
      onEvent?(
        "evacuation.settled",
        [
          ("safe", .integer(Int64(network.personsSafe))),
          ("sheltered_in_place", .integer(Int64(network.personsInPlace))),
          ("rerouted", .integer(Int64(network.reroutedCount))),
          ("stranded", .integer(Int64(network.strandedCount))),
          ("turned_back", .integer(Int64(network.turnedBack))),
        ])
    }
  }

  func returnEvent(_ kind: String, _ t: Int, shelter s: Int?) {
    let household = travellerHousehold[t]
    var fields: [(key: String, value: Value)] = [
      ("household", .integer(Int64(household))),
      ("zone", .string(map.township.zones[Int(roster.zone[household])].id)),
      ("persons", .integer(Int64(roster.size[household]))),
    ]
    if let s { fields.append(("shelter", .string(network.shelters.ids[s]))) }
    onEvent?(kind, fields)
  }

  func shelterEvent(_ kind: String, _ s: Int) {
    onEvent?(
      kind,
      [
        ("shelter", .string(network.shelters.ids[s])),
        ("occupancy", .integer(Int64(network.shelters.occupancy[s]))),
      ])
  }

  /// Closes a shelter for good (threatened); travellers heading there re-route.
  public func closeShelter(_ s: Int) { network.closeShelter(s) }
}
