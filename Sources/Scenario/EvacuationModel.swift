import Evacuation
import SimKernel
import Township

/// A run's evacuation: households from a roster moving over the run's map
/// to its shelters on the queue network, with the map's closures.
///
/// Every closure the script or a hazard makes on the `LiveMap` reaches the
/// movement as it happens (per mode: a flood closes a road to cars before
/// walkers), including those made before the model was built. Times of
/// travellers are measured from their zone's evacuation order.
public final class EvacuationModel {
  public let network: QueueNetwork
  let map: LiveMap
  let simulator: Simulator
  let streams: RandomStreams
  /// Notable events, as an events.jsonl kind and its fields.
  public var onEvent: ((String, [(key: String, value: Value)]) -> Void)?
  /// Whether each zone has been ordered out.
  var ordered: [Bool]
  /// The longest pre-movement delay used (10^9 s): a distribution's
  /// extreme tail is cut there rather than overflowing the clock.
  static let longestDelay = 1e9
  /// Time of the first order.
  public private(set) var firstOrder: SimTime?
  public private(set) var households = 0

  /// Builds the network on `map`, draws pre-movement times from the run's
  /// stream "evacuation.premovement".
  public init(
    map: LiveMap, simulator: Simulator, streams: RandomStreams,
    options: QueueNetwork.Options = QueueNetwork.Options()
  ) {
    self.map = map
    self.simulator = simulator
    self.streams = streams
    network = QueueNetwork(township: map.township, simulator: simulator, options: options)
    ordered = [Bool](repeating: false, count: map.township.zones.count)
    for (index, link) in map.township.links.enumerated() {
      if let closed = map.closedModes(link: link.id) { apply(index, closed) }
    }
    map.observeClosures { [unowned(unsafe) self] index, closed in self.apply(index, closed) }
    network.onNotice = { [unowned(unsafe) self] notice in self.report(notice) }
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

  /// Orders the zones out now.
  ///
  /// Every household of the roster sets off after its pre-movement delay. Returns the households and persons.
  ///
  /// - Throws: `ScenarioError` for a zone ordered before (its households
  ///   are already on the roster).
  @discardableResult
  public func evacuate(_ order: EvacuationOrder, households source: EvacueeSource)
    throws(ScenarioError) -> (households: Int, persons: Int)
  {
    for zone in order.zones where ordered[zone] {
      throw ScenarioError("", "zone '\(map.township.zones[zone].id)' was already ordered out")
    }
    let now = simulator.now
    if firstOrder == nil { firstOrder = now }
    let destinations = order.shelters.isEmpty ? 0 : network.destinationSet(shelters: order.shelters)
    let stream = streams.index(of: "evacuation.premovement")
    var count = 0
    var persons = 0
    for zone in order.zones {
      ordered[zone] = true
      let node = map.township.zones[zone].node
      for household in source.households(ofZone: zone, in: map.township) {
        let delay = streams.draw(from: stream) { order.premovement.draw(&$0) }
        let mode: TravellerMode
        switch order.mode {
        case .walk: mode = .walk
        case .drive: mode = .drive
        case .auto: mode = household.hasCar ? .drive : .walk
        }
        network.add(
          TravellerSpec(
            id: households, origin: node, persons: household.persons, mode: mode,
            walkSpeed: household.walkSpeed,
            departure: now + (SimTime(seconds: min(delay, Self.longestDelay)) ?? .zero),
            orderTime: now, group: zone, destinations: destinations))
        households += 1
        count += 1
        persons += household.persons
      }
    }
    onEvent?(
      "evacuation.order",
      [
        ("zones", .string(order.zones.map { map.township.zones[$0].id }.joined(separator: ","))),
        ("mode", .string(order.mode.rawValue)), ("households", .integer(Int64(count))),
        ("persons", .integer(Int64(persons))),
      ])
    return (count, persons)
  }

  /// Turns the network's notices into events.
  func report(_ notice: QueueNetwork.Notice) {
    switch notice {
    case .shelterOpened(let s): shelterEvent("shelter.opened", s)
    case .shelterFull(let s): shelterEvent("shelter.full", s)
    case .shelterClosed(let s): shelterEvent("shelter.closed", s)
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
