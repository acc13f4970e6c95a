import Foundation

/// Default link attributes for an OSM `highway=*` class.
///
/// OSM rarely tags lanes, speed or capacity, so each kept class carries
/// defaults; tags on the way override lanes and speed. Sources:
/// - capacity per lane: HCM base capacities as quoted in
///   reference/evacuation.md §3.2 (freeway about 2,400 pc/h/ln, multilane
///   about 2,200, two-lane highway about 1,700 pc/h per direction); minor
///   roads (residential, service, track...) take the *sustained* evacuation
///   flow of 600 veh/h/lane (Dixit & Wolshon, TRB 2011 paper 11-4115, same
///   table), since they rarely reach HCM maxima;
/// - free speed: the legal default limits of Germany and Austria where the
///   two shipped extracts lie (StVO DE §3(3) / AT §20: 50 km/h in built-up
///   areas, 100 km/h outside, 130 km/h AT motorways; the German motorway
///   advisory speed is also 130 km/h); residential 50 (cf. the 50 km/h of
///   the jam-wave check in reference/evacuation.md §3.2); service, track and
///   living streets are set by judgement (20, 20 and 7 km/h), not a source;
/// - paths: walkers at 1.34 m/s (Weidmann 1993; evacuation.md §3.1),
///   1.3 persons/s per metre of width (SFPE tabulated specific flow for
///   corridors, evacuation.md §3.1), steps at 0.61 m/s (stair up, Burghardt
///   et al. 2014, same table).
public struct RoadClass: Sendable, Equatable {
  public let name: String
  public let mode: LinkMode
  /// Lanes per direction when no `lanes` tag says otherwise.
  public let lanes: Int
  /// Free speed, km/h (roads) or m/s walking speed (paths: stored in m/s).
  public let speedKmh: Double
  /// Vehicles per hour and lane (roads) or persons per second and metre (paths).
  public let capacityPerLane: Double
  /// Whether the class is one-way unless tagged otherwise.
  public let impliedOneway: Bool

  /// The classes the importer keeps, by `highway` value.
  public static let all: [String: RoadClass] = {
    var table: [String: RoadClass] = [:]
    func road(
      _ name: String, _ lanes: Int, _ kmh: Double, _ vehPerHour: Double, oneway: Bool = false
    ) {
      table[name] = RoadClass(
        name: name, mode: .road, lanes: lanes, speedKmh: kmh, capacityPerLane: vehPerHour,
        impliedOneway: oneway)
    }
    func path(_ name: String, walkingSpeed: Double = 1.34) {
      table[name] = RoadClass(
        name: name, mode: .path, lanes: 1, speedKmh: walkingSpeed * 3.6,
        capacityPerLane: 1.3, impliedOneway: false)
    }
    road("motorway", 2, 130, 2400, oneway: true)
    road("motorway_link", 1, 80, 2400, oneway: true)
    road("trunk", 2, 100, 2200)
    road("trunk_link", 1, 60, 1700)
    road("primary", 1, 100, 1700)
    road("primary_link", 1, 60, 1700)
    road("secondary", 1, 100, 1700)
    road("secondary_link", 1, 60, 1700)
    road("tertiary", 1, 100, 1700)
    road("tertiary_link", 1, 50, 1700)
    road("unclassified", 1, 100, 600)
    road("road", 1, 50, 600)
    road("residential", 1, 50, 600)
    road("living_street", 1, 7, 600)
    road("service", 1, 20, 600)
    road("track", 1, 20, 600)
    for name in ["footway", "path", "pedestrian", "cycleway", "bridleway"] { path(name) }
    path("steps", walkingSpeed: 0.61)
    return table
  }()

  /// Free speed in m/s from a `maxspeed` tag, or nil when it cannot be read.
  ///
  /// Reads numbers (km/h), "N mph", the German and Austrian implicit
  /// values (`DE:urban` 50, `DE:rural` 100, `AT:motorway` 130, ...), "none"
  /// (130, the German advisory speed) and "walk" (7 km/h).
  public static func speed(fromMaxspeed tag: String) -> Double? {
    let text = tag.trimmingCharacters(in: .whitespaces).lowercased()
    let implicit: [String: Double] = [
      "de:urban": 50, "de:rural": 100, "de:motorway": 130, "de:living_street": 7,
      "at:urban": 50, "at:rural": 100, "at:motorway": 130, "at:trunk": 100,
      "none": 130, "walk": 7, "de:walk": 7,
    ]
    if let kmh = implicit[text] { return kmh / 3.6 }
    let parts = text.split(separator: " ")
    guard let first = parts.first, let number = Double(first), number > 0 else { return nil }
    if parts.count > 1, parts[1] == "mph" { return number * 1.609_344 / 3.6 }
    return number / 3.6
  }
}
