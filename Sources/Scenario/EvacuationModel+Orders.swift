import Evacuation
import SimKernel

/// Ordering zones out: mobilisation decides who leaves and after what
/// delay; households leave at once or when their warning reaches them.
extension EvacuationModel {
  /// Orders the zones out now.
  ///
  /// Mobilisation (`MobilisationModel.departures`) decides for every
  /// household not yet decided: compliers of the ordered zones leave,
  /// a shadow share of the others leaves anyway, non-compliers stay.
  /// Households needing assistance wait at home for a team and are
  /// counted (`tally.awaitingAssistance`) until `fetch` sets them on their
  /// way; `onAssistanceNeeded` hears of them. A household of a zone some
  /// warning was issued to leaves at its first warning plus its delay
  /// (at once if that is past), or waits for the warning; in other zones
  /// the order itself is the warning. Shadow households hear of it from
  /// their own warning or `shadowNoticeDelay` after the order. Returns
  /// the households and persons set on their way or waiting to be warned.
  ///
  /// - Throws: `ScenarioError` for a zone ordered before or invalid
  ///   mobilisation parameters.
  @discardableResult
  public func evacuate(_ order: EvacuationOrder) throws(ScenarioError)
    -> (households: Int, persons: Int)
  {
    for zone in order.zones where ordered[zone] {
      throw ScenarioError("", "zone '\(map.township.zones[zone].id)' was already ordered out")
    }
    let now = simulator.now
    if firstOrder == nil { firstOrder = now }
    for zone in order.zones { ordered[zone] = true }
    var model = mobilisation
    if let delay = order.premovement { model.premovement = PerGroup(delay.distribution) }
    if let share = order.shadowShare { model.shadowShare = share }
    if let share = order.returnShare { model.returnShare = share }
    if let delay = order.returnAfter { model.returnDelay = delay.distribution }
    if let delay = order.returnDwell { model.returnDwell = delay.distribution }
    if let share = order.returnStayShare { model.returnStayShare = share }
    // Warned at .zero: the table's departure is then the delay itself;
    // the start (warning, order or notice) is added below.
    var stream = RandomStream(
      seed: streams.seed, name: MobilisationModel.streamName, replication: streams.replication)
    let table: DepartureTable
    do {
      table = try model.departures(
        roster: roster, ordered: ordered, orderTime: now,
        warnedAt: [SimTime](repeating: .zero, count: roster.count), stream: &stream)
    } catch {
      throw ScenarioError("premovement", error.description)
    }
    let destinations = order.shelters.isEmpty ? 0 : network.destinationSet(shelters: order.shelters)
    pending.append(
      PendingOrder(
        time: now, mode: order.mode, carShare: order.carShare, destinations: destinations))
    let orderIndex = Int32(pending.count - 1)
    var inOrder = [Bool](repeating: false, count: ordered.count)
    for zone in order.zones { inOrder[zone] = true }
    let warnedSoFar = warnings?.outcome.firstWarned
    var made = (households: 0, persons: 0)
    var helpless: [Int] = []
    var leaving: [(household: Int, at: SimTime)] = []
    for household in 0..<roster.count where !decided[household] {
      let zone = Int(roster.zone[household])
      let reason = table.reason[household]
      guard inOrder[zone] || reason == .shadow else { continue }
      decided[household] = true
      let persons = Int(roster.size[household])
      guard reason.leaves else {
        tally.add(.refused, persons: persons)
        continue
      }
      if roster.needsAssistance[household] {
        tally.add(.awaitingAssistance, persons: persons)
        helpless.append(household)
        continue
      }
      let longest = SimTime(seconds: Self.longestDelay) ?? .never
      let delay = min(table.departure[household], longest)
      // Never (no return, stays home) is kept; finite tails are cut.
      let back = table.returnDelay[household]
      let dwell = table.dwell[household]
      returnAfter[household] = back == .never ? .never : min(back, longest)
      returnDwell[household] = dwell == .never ? .never : min(dwell, longest)
      let warned = warnedSoFar?[household] ?? .never
      made.households += 1
      made.persons += persons
      if reason == .shadow {
        let notice = now + (SimTime(seconds: model.shadowNoticeDelay) ?? .zero)
        tally.add(.shadow, persons: persons)
        leaving.append((household, min(warned, notice) + delay))
      } else if !warnedZones[zone] {
        leaving.append((household, now + delay))
      } else if warned != .never {
        leaving.append((household, warned + delay))
      } else {
        awaitingWarning[household] = orderIndex
        pendingDelay[household] = delay
        tally.add(.awaitingWarning, persons: persons)
      }
    }
    releaseInDepartureOrder(leaving, order: Int(orderIndex))
    if !helpless.isEmpty { onAssistanceNeeded?(helpless, Int(orderIndex)) }
    onEvent?(
      "evacuation.order",
      [
        ("zones", .string(order.zones.map { map.township.zones[$0].id }.joined(separator: ","))),
        ("mode", .string(order.mode.rawValue)), ("households", .integer(Int64(made.households))),
        ("persons", .integer(Int64(made.persons))),
        ("awaiting_assistance", .integer(Int64(tally.persons(.awaitingAssistance)))),
      ])
    return made
  }

  /// Releases an order's leaving households in the order they set off
  /// (by departure time, then roster order; a time already past counts
  /// as now, when they leave).
  ///
  /// Travellers are numbered as they are released, so this numbers them
  /// in departure order: a departure then reads the traveller record next
  /// to the one the last departure read, where in roster order it read one
  /// at random. In a 1 M county that was a last-level cache miss per
  /// household. Within an instant the roster order is kept, and each
  /// departure's kernel key is reserved in this order, so the run's events
  /// and their ties are as they were.
  func releaseInDepartureOrder(_ leaving: [(household: Int, at: SimTime)], order: Int) {
    let now = simulator.now
    let sorted = leaving.map { (household: $0.household, at: max($0.at, now)) }.sorted { a, b in
      a.at < b.at || (a.at == b.at && a.household < b.household)
    }
    for (household, at) in sorted { release(household, order: order, at: at) }
  }

  /// A household waiting for its warning got it now.
  func warned(_ household: Int) {
    let order = Int(awaitingWarning[household])
    guard order >= 0 else { return }
    awaitingWarning[household] = -1
    tally.add(.awaitingWarning, persons: -Int(roster.size[household]))
    release(household, order: order, at: simulator.now + pendingDelay[household])
  }

  /// Puts household `household` on the network, leaving at `departure`
  /// (or now, if that is past) under order `order`.
  func release(_ household: Int, order: Int, at departure: SimTime) {
    let spec = pending[order]
    let zone = Int(roster.zone[household])
    let mode: TravellerMode
    switch spec.mode {
    case .walk: mode = .walk
    case .drive: mode = .drive
    case .auto:
      if let share = spec.carShare {
        let k = Double(rankInZone(household))
        mode = ((k + 1) * share).rounded(.down) > (k * share).rounded(.down) ? .drive : .walk
      } else {
        mode = roster.vehicles[household] > 0 ? .drive : .walk
      }
    }
    let now = simulator.now
    let speed = roster.walkSpeed(of: household, zoneSpeed: map.township.zones[zone].walkSpeed)
    network.add(
      TravellerSpec(
        id: household, origin: Int(roster.node[household]), persons: Int(roster.size[household]),
        mode: mode, walkSpeed: speed,
        departure: departure < now ? now : departure, orderTime: spec.time, group: zone,
        destinations: spec.destinations,
        returnAfter: returnAfter[household] == .never ? nil : returnAfter[household],
        dwell: returnDwell[household] == .never ? nil : returnDwell[household]))
    recordTraveller(household)
  }

  /// Books household `household`, just added to the network, as its
  /// newest traveller: every per-traveller array grows here and only here.
  func recordTraveller(_ household: Int) {
    returnerExposed.append(false)
    householdTraveller[household] = Int32(travellerHousehold.count)
    travellerHousehold.append(household)
    households += 1
    tally.add(.released, persons: Int(roster.size[household]))
  }

  /// The household's rank among its zone's households (roster order).
  func rankInZone(_ household: Int) -> Int {
    if zoneRanks.isEmpty {
      var next = [Int](repeating: 0, count: roster.zoneIDs.count)
      zoneRanks = (0..<roster.count).map { h in
        let z = Int(roster.zone[h])
        defer { next[z] += 1 }
        return next[z]
      }
    }
    return zoneRanks[household]
  }
}

/// What an order asks of the households it releases later.
struct PendingOrder {
  let time: SimTime
  let mode: EvacuationOrder.Mode
  let carShare: Double?
  let destinations: Int
}

/// Households and persons of the orders so far, by what became of them.
public struct OrderTally: Sendable, Equatable {
  /// The outcomes counted.
  public enum Kind: Int, CaseIterable, Sendable {
    /// Set on their way (travellers on the network).
    case released
    /// Of those released, leaving without being ordered (shadow).
    case shadow
    /// Ordered and willing but needing help to leave: waiting for a team.
    case awaitingAssistance
    /// Ordered, waiting for a warning to reach them.
    case awaitingWarning
    /// Ordered but not complying: staying at home.
    case refused
  }

  var householdCounts = [Int](repeating: 0, count: Kind.allCases.count)
  var personCounts = [Int](repeating: 0, count: Kind.allCases.count)

  /// Households counted as `kind`.
  public func households(_ kind: Kind) -> Int { householdCounts[kind.rawValue] }

  /// Persons counted as `kind`.
  public func persons(_ kind: Kind) -> Int { personCounts[kind.rawValue] }

  /// Counts one household of `count` persons (negative: takes one off).
  mutating func add(_ kind: Kind, persons count: Int) {
    householdCounts[kind.rawValue] += count < 0 ? -1 : 1
    personCounts[kind.rawValue] += count
  }
}
