import Township

/// How a roster is built from a map's zones: vehicles, parties, assistance,
/// compliance and where households stand.
///
/// reference/evacuation.md §3.3 has no verified household-size or vehicle
/// figures ("take household size from the township census"), so the
/// vehicle and assistance shares below are stated assumptions meant to be
/// set per township; sweeps should vary them.
public struct PopulationOptions: Sendable, Equatable {
  /// Share of resident households with a car they would evacuate in: 0.4.
  ///
  /// An assumption for a rural township (no verified figure in reference/).
  public var vehicleShare = 0.4
  /// Share of car-owning households with a second car: 0.1 (assumption).
  public var secondVehicleShare = 0.1
  /// Persons per visitor party at farm stays: 3 (assumption).
  public var visitorPartySize = 3
  /// Share of visitor parties that came by car: 0.8 (assumption; farm
  /// stays are mostly reached by road).
  public var visitorVehicleShare = 0.8
  /// Share of elderly persons living alone who need help to leave: 0.3
  /// (assumption; the 包保 pairing lists of drill-domain.md §4 name them).
  public var elderlyAloneAssistanceShare = 0.3
  /// Persons per household when a zone gives population but no
  /// households: 2.62 (China's 2020 census average family household).
  public var defaultHouseholdSize = 2.62
  /// Probability that a household of each lead group follows an order.
  ///
  /// 1 by default (mandatory transfer, 应转尽转). About 0.66 said they would
  /// follow a phased hurricane order (Appl. Sci. 13(8) 5194, 2023;
  /// evacuation.md §3.3): a value for sensitivity runs.
  public var compliance = PerGroup(1.0)
  /// Walking speed (m/s) of each group's members, where it is slower than
  /// their zone's `walk_speed`; nil (the default for every group) leaves a
  /// group at the zone's speed.
  ///
  /// A household walks together, at the pace of its slowest member
  /// (reference/evacuation.md, group behaviour test 2.9). Measured values
  /// to state: elderly 0.85 m/s (UK speeds at 65 and over: men 0.9, women
  /// 0.8 m/s, Asher et al.), mobility-impaired 0.6 m/s (the middle of the
  /// 0.46-0.76 m/s bounds of the RiMEA/Weidmann table).
  ///
  /// Not set by default because the link queues are first in, first out
  /// for walkers as for cars: a slow household holds up every faster one
  /// behind it on the same link, which is right on a single-file path but
  /// not on a road where walkers overtake. In the default township, elderly
  /// at 0.85 m/s delay the households without elderly members, whose pace
  /// is unchanged (median 33 to 39 min), and the largest walking queue
  /// grows from 4 to 18 persons.
  public var walkSpeed = PerGroup<Double?>(nil)
  /// Radius (m) of the disc around the zone's point that households are
  /// scattered over.
  ///
  /// Uniform by area; 0 puts them all on the point. They still leave from the zone's node: the scatter only matters to
  /// local channels (gong radius, the door-to-door walk).
  public var scatterRadius = 0.0
  /// Schools and clinics within this distance (m) of a zone's point house
  /// its `school` and `clinic` groups; farther ones are ignored and the
  /// unit stands on the zone's point: 1500 m (assumption).
  public var institutionRadius = 1500.0
  /// Persons present on top of the map's population, in the order given
  /// (several entries for one zone and group add up).
  public var extra: [ExtraPersons] = []
  /// Shares of each zone's persons by group for zones whose map gives no
  /// `groups`: census-like figures a planner sets; 0 for every group by
  /// default (the map decides).
  ///
  /// reference/ has no age figures. For a township, the census share of
  /// persons aged 65 and over is the usual elderly share (China's 2020
  /// census gives 13.5 % nationally and about 17.7 % in rural areas;
  /// Germany's 2022 figure is about 22 %: recalled, check before citing).
  public var groupShares = PerGroup(0.0)
  /// Persons at each school facility of the map during school hours
  /// (children and staff, moved as one unit), added to the zone nearest
  /// to it: 0 by default (none derived).
  public var schoolPersons = 0
  /// Whether school is in session: false leaves the schools empty (a
  /// night-time scenario).
  public var schoolInSession = true
  /// Persons at each clinic or care home of the map who need help to
  /// leave, added to the zone nearest to it: 0 by default.
  public var clinicPersons = 0
  /// Guests at each lodging of the map (hotel, guest house, farm stay,
  /// camp site), in parties of `visitorPartySize` leaving from it, added
  /// to the zone nearest to it: 0 by default.
  public var lodgingGuests = 0

  public init() {}

  /// Checks the shares and sizes.
  ///
  /// - Throws: `EvacuationError` naming the first bad option.
  public func validate() throws(EvacuationError) {
    let shares: [(String, Double)] = [
      ("vehicle_share", vehicleShare), ("second_vehicle_share", secondVehicleShare),
      ("visitor_vehicle_share", visitorVehicleShare),
      ("elderly_alone_assistance_share", elderlyAloneAssistanceShare),
    ]
    for (name, share) in shares where !(0...1).contains(share) {
      throw EvacuationError("population.\(name)", "must be in 0...1, got \(share)")
    }
    for group in PopulationGroup.allCases where !(0...1).contains(compliance[group]) {
      throw EvacuationError("population.compliance.\(group.name)", "must be in 0...1")
    }
    for group in PopulationGroup.allCases {
      guard let speed = walkSpeed[group] else { continue }
      guard speed > 0, speed.isFinite else {
        throw EvacuationError("population.walk_speed.\(group.name)", "must be a speed > 0 in m/s")
      }
    }
    guard visitorPartySize >= 1 else {
      throw EvacuationError("population.visitor_party_size", "must be at least 1")
    }
    for (index, entry) in extra.enumerated() where entry.persons < 0 {
      throw EvacuationError("population.extra[\(index + 1)].persons", "must not be negative")
    }
    var shareSum = 0.0
    for group in PopulationGroup.allCases {
      let share = groupShares[group]
      guard (0...1).contains(share), group != .residents || share == 0 else {
        throw EvacuationError(
          "population.group_shares.\(group.name)", "must be in 0...1 (residents are the rest)")
      }
      shareSum += share
    }
    guard shareSum <= 1 + 1e-9 else {
      throw EvacuationError("population.group_shares", "shares add up to more than 1")
    }
    let sizes = [
      ("school_persons", schoolPersons), ("clinic_persons", clinicPersons),
      ("lodging_guests", lodgingGuests),
    ]
    for (name, size) in sizes where size < 0 {
      throw EvacuationError("population.\(name)", "must not be negative, got \(size)")
    }
    guard defaultHouseholdSize >= 1, scatterRadius >= 0, institutionRadius >= 0 else {
      throw EvacuationError(
        "population", "household size must be >= 1 and radii must not be negative")
    }
  }
}
