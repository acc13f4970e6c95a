import Township

/// One household on the evacuation roster: how many, whether they can
/// drive, and how fast they walk.
public struct EvacueeHousehold: Sendable, Equatable {
  public var persons: Int
  public var hasCar: Bool
  /// Free walking speed, m/s.
  public var walkSpeed: Double

  public init(persons: Int, hasCar: Bool, walkSpeed: Double) {
    self.persons = persons
    self.hasCar = hasCar
    self.walkSpeed = walkSpeed
  }
}

/// Where the households of a zone come from.
///
/// A protocol so the minimal roster below can be swapped for the richer
/// population model (groups, mobility, pre-movement per group) without
/// touching the movement or the Lua API.
public protocol EvacueeSource {
  /// The households of zone `zone` (an index into `township.zones`), in a
  /// fixed order.
  func households(ofZone zone: Int, in township: Township) -> [EvacueeHousehold]
}

/// The minimal roster, from the zones' own numbers: `households`
/// households sharing `population` persons as evenly as whole persons
/// allow (the larger ones first), all walking at the zone's walk speed,
/// and a share `carShare` of them owning a car, spread evenly over the
/// roster (household k has one when floor((k + 1) x share) > floor(k x
/// share)), so no random draw is spent on it.
public struct ZoneHouseholds: EvacueeSource, Sendable {
  /// Share of households with a car: 0.5 unless the order says otherwise.
  ///
  /// A placeholder judgement: reference/evacuation.md §3.3 has no verified
  /// vehicle-use figure; replace with the census of the township.
  public static let defaultCarShare = 0.5
  /// Persons per household where a zone gives people but no households:
  /// 2.5, the placeholder the synthetic county and OSM import use.
  public static let defaultHouseholdSize = 2.5

  public var carShare: Double

  public init(carShare: Double = ZoneHouseholds.defaultCarShare) {
    self.carShare = carShare
  }

  public func households(ofZone zone: Int, in township: Township) -> [EvacueeHousehold] {
    let z = township.zones[zone]
    guard z.population > 0 else { return [] }
    var count = z.households
    if count <= 0 {
      count = max(1, Int((Double(z.population) / Self.defaultHouseholdSize).rounded()))
    }
    count = min(count, z.population)
    let base = z.population / count
    let larger = z.population % count
    return (0..<count).map { k in
      let car = (Double(k + 1) * carShare).rounded(.down) > (Double(k) * carShare).rounded(.down)
      return EvacueeHousehold(
        persons: base + (k < larger ? 1 : 0), hasCar: car, walkSpeed: z.walkSpeed)
    }
  }
}
