import SimKernel
import Township

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Building a roster from a map's zones.
extension HouseholdRoster {
  /// The name of the random stream rosters are drawn from.
  public static let streamName = "population"

  /// The households of every zone of `township`, drawn from `stream`.
  ///
  /// Per zone, persons are split by the zone's group shares (cumulative
  /// rounding, so counts add up to the population exactly). Visitors come
  /// in parties of `visitorPartySize`; the school and clinic groups are one
  /// unit each, at the nearest school or clinic within
  /// `institutionRadius`. The remaining residents fill the zone's
  /// households: each gets one person, and every further person joins a
  /// household chosen uniformly at random, so sizes are 1 + binomial
  /// (close to the shifted Poisson that fits census household sizes) with
  /// mean residents / households and an exact total. Members' groups come
  /// from a shuffled list of the zone's elderly, children and
  /// mobility-impaired persons. `options.extra` adds persons of a group
  /// on top of the zone's population (residents among its households).
  /// Zones whose map gives no shares take `options.groupShares`; the
  /// people `FacilityGroups` derives from the map's schools, clinics and
  /// lodgings come last, at their places.
  ///
  /// Each zone draws from its own stream, seeded by one draw of `stream`,
  /// so a change in one zone leaves the others' households as they were.
  ///
  /// - Throws: `EvacuationError` for an unknown group name, shares that
  ///   add up to more than 1, extra persons in a zone the map lacks, or
  ///   invalid options.
  public init(
    township: Township, options: PopulationOptions = PopulationOptions(),
    stream: inout RandomStream
  ) throws(EvacuationError) {
    try options.validate()
    let zones = township.zones
    for (index, entry) in options.extra.enumerated()
    where !zones.contains(where: { $0.id == entry.zone }) {
      throw EvacuationError(
        "population.extra[\(index + 1)].zone", "no zone '\(entry.zone)' on the map")
    }
    // Lookups go through dictionaries (first index wins, as a search from
    // the front would): a search per zone over every grid, and per grid
    // over every zone, was quadratic in a county. A zone asks for its
    // first grid once, before any grid is added for it below, so the
    // map's grids are the only ones `firstGridOfZone` needs.
    var zoneIndex: [String: Int] = Dictionary(minimumCapacity: zones.count)
    for (index, zone) in zones.enumerated() where zoneIndex[zone.id] == nil {
      zoneIndex[zone.id] = index
    }
    var gridIDs: [String] = []
    var gridZones: [Int] = []
    var gridIndex: [String: Int] = [:]
    var firstGridOfZone: [Int: Int] = [:]
    func addGrid(_ id: String, zone: Int) {
      if gridIndex[id] == nil { gridIndex[id] = gridIDs.count }
      gridIDs.append(id)
      gridZones.append(zone)
    }
    for grid in township.grids {
      let zone = zoneIndex[grid.zone] ?? -1
      if zone >= 0, firstGridOfZone[zone] == nil { firstGridOfZone[zone] = gridIDs.count }
      addGrid(grid.id, zone: zone)
    }
    var zoneGrid = [Int](repeating: -1, count: zones.count)
    for (index, zone) in zones.enumerated() {
      if let id = zone.grid, let grid = gridIndex[id] {
        zoneGrid[index] = grid
      } else if let grid = firstGridOfZone[index] {
        zoneGrid[index] = grid
      } else {
        zoneGrid[index] = gridIDs.count
        addGrid(zone.grid ?? zone.id, zone: index)
      }
      if gridZones[zoneGrid[index]] < 0 { gridZones[zoneGrid[index]] = index }
    }
    // Grids naming no zone of this map start from the first zone.
    gridZones = gridZones.map { max($0, 0) }
    if zones.isEmpty { (gridIDs, gridZones) = ([], []) }
    try self.init(
      zoneIDs: zones.map(\.id), zoneCentres: zones.map(\.position), gridIDs: gridIDs,
      gridZones: gridZones)
    groupWalkSpeeds = options.walkSpeed
    let places = FacilityGroups(township: township, options: options)
    let schools = FacilitySites(.school, in: township)
    let clinics = FacilitySites(.clinic, in: township)
    for (index, zone) in zones.enumerated() {
      var local = RandomStream(rawSeed: stream.next())
      var builder = try ZoneHouseholds(
        zone: zone, index: index, grid: zoneGrid[index], options: options)
      builder.schoolSite = schools.nearest(to: zone.position, within: options.institutionRadius)
      builder.clinicSite = clinics.nearest(to: zone.position, within: options.institutionRadius)
      try builder.append(to: &self, stream: &local)
      try builder.appendPlaces(places.byZone[index], to: &self, stream: &local)
    }
  }
}

/// The households of one zone: its group counts, then the draws.
private struct ZoneHouseholds {
  let zone: Zone
  let index: Int
  let grid: Int
  let options: PopulationOptions
  /// Persons per group, in group order; residents are the rest.
  var persons = PerGroup(0)
  /// The nearest school and clinic within the institution radius.
  var schoolSite: FacilitySites.Site?
  var clinicSite: FacilitySites.Site?

  init(zone: Zone, index: Int, grid: Int, options: PopulationOptions) throws(EvacuationError) {
    self.zone = zone
    self.index = index
    self.grid = grid
    self.options = options
    let location = "zones[\(index)]"
    guard zone.population >= 0, zone.households >= 0 else {
      throw EvacuationError(location, "population and households must not be negative")
    }
    var cumulative = 0.0
    var assigned = 0
    var shares = zone.groups
    if shares.isEmpty {
      shares = PopulationGroup.allCases.filter { options.groupShares[$0] > 0 }
        .map { GroupShare(name: $0.name, share: options.groupShares[$0]) }
    }
    for share in shares {
      guard let group = PopulationGroup(name: share.name) else {
        throw EvacuationError("\(location).groups.\(share.name)", "unknown population group")
      }
      guard group != .residents else { continue }
      guard (0...1).contains(share.share) else {
        throw EvacuationError("\(location).groups.\(share.name)", "share must be in 0...1")
      }
      cumulative += share.share
      guard cumulative <= 1 + 1e-9 else {
        throw EvacuationError("\(location).groups", "shares add up to more than 1")
      }
      let upTo = min(zone.population, Int((cumulative * Double(zone.population)).rounded()))
      persons[group] = upTo - assigned
      assigned = upTo
    }
    persons[.residents] = zone.population - assigned
    for entry in options.extra where entry.zone == zone.id {
      persons[entry.group] += entry.persons
    }
  }

  /// Residents living in households (everyone but visitors and institutions).
  var residents: Int {
    persons[.residents] + persons[.elderly] + persons[.children] + persons[.mobilityImpaired]
  }

  func append(to roster: inout HouseholdRoster, stream: inout RandomStream) throws(EvacuationError)
  {
    let residents = residents
    var count = min(zone.households, residents)
    if count == 0, residents > 0 {
      count = max(1, Int((Double(residents) / options.defaultHouseholdSize).rounded()))
    }
    var sizes = [Int](repeating: 1, count: count)
    for _ in 0..<(residents - count) { sizes[Int(stream.integer(0, Int64(count - 1)))] += 1 }
    var members = [PopulationGroup](repeating: .residents, count: residents)
    var next = 0
    for group in [PopulationGroup.elderly, .children, .mobilityImpaired] {
      for _ in 0..<persons[group] {
        members[next] = group
        next += 1
      }
    }
    // Fisher-Yates with the stream's own integers, so the order does not
    // depend on the standard library's shuffle algorithm.
    for last in stride(from: members.count - 1, to: 0, by: -1) {
      members.swapAt(last, Int(stream.integer(0, Int64(last))))
    }
    next = 0
    for size in sizes {
      var groups = PopulationGroups()
      for member in members[next..<(next + size)] where member != .residents {
        groups.insert(member)
      }
      next += size
      if groups.isEmpty { groups.insert(.residents) }
      let alone = size == 1 && groups.contains(.elderly)
      let helpless =
        groups.contains(.mobilityImpaired)
        || (alone && stream.unit() < options.elderlyAloneAssistanceShare)
      let cars = carCount(share: options.vehicleShare, stream: &stream)
      try add(
        size: size, vehicles: cars, groups: groups, needsAssistance: helpless,
        at: scattered(&stream), node: zone.node, to: &roster, stream: &stream)
    }
    try appendVisitors(to: &roster, stream: &stream)
    for (group, site) in [(PopulationGroup.school, schoolSite), (.clinic, clinicSite)]
    where persons[group] > 0 {
      try add(
        size: persons[group], vehicles: 0, groups: PopulationGroups(group), needsAssistance: true,
        at: site?.position ?? zone.position, node: site?.node ?? zone.node, to: &roster,
        stream: &stream)
    }
  }

  /// The people of the zone's places: a school's or clinic's as one unit
  /// needing help to leave (like the zone's own institutions), a lodging's
  /// guests in visitor parties; each leaves from its place.
  func appendPlaces(
    _ units: [FacilityGroups.Unit], to roster: inout HouseholdRoster, stream: inout RandomStream
  ) throws(EvacuationError) {
    for unit in units {
      if unit.group == .visitors {
        try appendVisitors(
          unit.persons, at: unit.position, node: unit.node, to: &roster, stream: &stream)
      } else {
        try add(
          size: unit.persons, vehicles: 0, groups: PopulationGroups(unit.group),
          needsAssistance: true, at: unit.position, node: unit.node, to: &roster, stream: &stream)
      }
    }
  }

  /// Visitor parties of `visitorPartySize`, the last ones one smaller
  /// when the guests do not divide evenly; scattered around the zone's
  /// point unless a place is given.
  func appendVisitors(
    _ count: Int? = nil, at place: MapPoint? = nil, node: Int? = nil,
    to roster: inout HouseholdRoster, stream: inout RandomStream
  ) throws(EvacuationError) {
    let guests = count ?? persons[.visitors]
    guard guests > 0 else { return }
    let parties = (guests + options.visitorPartySize - 1) / options.visitorPartySize
    for party in 0..<parties {
      let size = guests / parties + (party < guests % parties ? 1 : 0)
      let cars = stream.unit() < options.visitorVehicleShare ? 1 : 0
      let point = scattered(&stream)
      try add(
        size: size, vehicles: cars, groups: PopulationGroups(.visitors), needsAssistance: false,
        at: place ?? point, node: node ?? zone.node, to: &roster, stream: &stream)
    }
  }

  func add(
    size: Int, vehicles: Int, groups: PopulationGroups, needsAssistance: Bool, at point: MapPoint,
    node: Int, to roster: inout HouseholdRoster, stream: inout RandomStream
  ) throws(EvacuationError) {
    let complies = stream.unit() < options.compliance[groups.lead]
    try roster.append(
      Household(
        zone: index, grid: grid, node: node, position: point, size: size, vehicles: vehicles,
        groups: groups, needsAssistance: needsAssistance, complies: complies))
  }

  func carCount(share: Double, stream: inout RandomStream) -> Int {
    let first = stream.unit()
    let second = stream.unit()
    guard first < share else { return 0 }
    return second < options.secondVehicleShare ? 2 : 1
  }

  /// A point uniform in the scatter disc (two draws even when the radius
  /// is 0, so the radius does not shift later draws).
  func scattered(_ stream: inout RandomStream) -> MapPoint {
    let radius = options.scatterRadius * stream.unit().squareRoot()
    let angle = 2 * Double.pi * stream.unit()
    return MapPoint(
      x: zone.position.x + radius * cos(angle), y: zone.position.y + radius * sin(angle))
  }
}
