import SimKernel

/// How fast a population reached shelter: person-weighted times from the
/// evacuation order by which 50, 90 and 100 % of it were admitted.
///
/// Everyone ordered counts in the denominator, so a time is nil when that
/// share never reached a shelter (some sheltered in place or are still on
/// the way): a T100 that ignored the stranded would flatter the plan.
public struct ClearanceTimes: Sendable, Equatable {
  /// Persons ordered to evacuate.
  public var persons: Int
  /// Persons admitted to a shelter.
  public var safe: Int
  /// Persons sheltering in place (no route to a shelter with room).
  public var inPlace: Int
  /// Seconds from the order until half, 90 % and everyone were safe.
  public var t50: Double?
  public var t90: Double?
  public var t100: Double?

  /// The times from (seconds since the order, persons) of those admitted.
  public init(persons: Int, inPlace: Int, admitted: [(seconds: Double, persons: Int)]) {
    self.persons = persons
    self.inPlace = inPlace
    let sorted = admitted.sorted { $0.seconds < $1.seconds }
    safe = sorted.reduce(0) { $0 + $1.persons }
    func time(_ share: Double) -> Double? {
      let needed = share * Double(persons)
      var sum = 0
      for entry in sorted {
        sum += entry.persons
        if Double(sum) >= needed - 1e-9 { return entry.seconds }
      }
      return nil
    }
    t50 = persons > 0 ? time(0.5) : nil
    t90 = persons > 0 ? time(0.9) : nil
    t100 = persons > 0 ? time(1) : nil
  }
}

/// What became of one traveller.
public struct TravellerOutcome: Sendable, Equatable {
  public enum State: Sendable, Equatable {
    case waiting
    case enRoute
    case safe
    case inPlace
    /// Back home after leaving a shelter, or kept home by an all-clear.
    case home
  }

  public var id: Int
  public var persons: Int
  public var group: Int
  public var mode: TravellerMode
  public var orderTime: SimTime
  public var departure: SimTime
  /// When it was admitted or settled in place; nil while it is not.
  public var settled: SimTime?
  public var state: State
  /// The shelter that admitted it (index into `QueueNetwork.shelters`).
  public var shelter: Int?
  /// Whether it had to change its way (closure, shelter full or closed).
  public var rerouted: Bool
}

extension QueueNetwork {
  public var travellerCount: Int { travellers.count }

  /// Traveller `index`'s outcome so far.
  public func outcome(_ index: Int) -> TravellerOutcome {
    let state: TravellerOutcome.State
    switch travellers.motion[index].state {
    case .waiting: state = .waiting
    case .moving, .admitting: state = .enRoute
    case .safe: state = .safe
    case .inPlace: state = .inPlace
    case .home: state = .home
    }
    let settled = travellers.settlement[index].settledAt
    let shelter = travellers.settlement[index].shelter
    return TravellerOutcome(
      id: travellers.callerID[index], persons: Int(travellers.motion[index].persons),
      group: Int(travellers.group[index]), mode: travellers.motion[index].mode,
      orderTime: SimTime(ms: travellers.orderTime[index]),
      departure: SimTime(ms: travellers.departure[index]),
      settled: settled >= 0 ? SimTime(ms: settled) : nil, state: state,
      shelter: state == .safe && shelter >= 0 ? Int(shelter) : nil,
      rerouted: travellers.motion[index].rerouted)
  }

  /// Travellers that had to change their way.
  public var reroutedCount: Int { travellers.motion.reduce(0) { $0 + ($1.rerouted ? 1 : 0) } }

  /// Travellers sheltering in place.
  public var strandedCount: Int {
    travellers.motion.reduce(0) { $0 + ($1.state == .inPlace ? 1 : 0) }
  }

  /// Clearance times of travellers whose group passes `filter` (all by default).
  public func clearance(group filter: ((Int) -> Bool)? = nil) -> ClearanceTimes {
    travellerClearance { filter?(Int(travellers.group[$0])) ?? true }
  }

  /// Clearance times of the travellers (by index) that pass `filter`.
  ///
  /// A traveller counts as safe from its first admission to a shelter,
  /// even if it went home later (see `QueueNetwork+Return`).
  public func travellerClearance(where filter: (Int) -> Bool) -> ClearanceTimes {
    var persons = 0
    var inPlace = 0
    var admitted: [(seconds: Double, persons: Int)] = []
    for t in 0..<travellers.count where filter(t) {
      let p = Int(travellers.motion[t].persons)
      persons += p
      if travellers.settlement[t].safeAt >= 0 {
        let seconds = Double(travellers.settlement[t].safeAt - travellers.orderTime[t]) / 1000
        admitted.append((seconds, p))
      } else if travellers.motion[t].state == .inPlace {
        inPlace += p
      }
    }
    return ClearanceTimes(persons: persons, inPlace: inPlace, admitted: admitted)
  }

  /// The roll call at the shelters against everyone ordered so far.
  public var headcount: Headcount {
    var completeAt: Double?
    if personsSafe == personsOrdered, personsOrdered > 0 {
      completeAt = travellers.settlement.lazy.map(\.settledAt).max().map { Double($0) / 1000 }
    }
    return Headcount(expected: personsOrdered, confirmed: personsSafe, completeAt: completeAt)
  }
}
