import Foundation

/// The figures `drillsim map info` prints about a map.
///
/// Connectivity is the largest strongly connected component's share of road
/// length: the part of the network where every node can reach every other
/// by car. Shelter capacity is set against population, since a plan that
/// shelters everyone needs at least as many places as people.
public struct MapSummary: Sendable, Equatable {
  public var nodes = 0
  public var roadLinks = 0
  public var pathLinks = 0
  public var onewayLinks = 0
  public var roadLength = 0.0
  public var pathLength = 0.0
  public var largestComponentShare = 0.0
  public var zones = 0
  public var grids = 0
  public var households = 0
  public var population = 0
  public var facilitiesByKind: [(kind: FacilityKind, count: Int)] = []
  public var shelterCapacity = 0
  public var hazards = 0

  public init(_ township: Township) {
    nodes = township.nodes.count
    for link in township.links {
      switch link.mode {
      case .road:
        roadLinks += 1
        roadLength += link.length
      case .path:
        pathLinks += 1
        pathLength += link.length
      }
      if link.oneway { onewayLinks += 1 }
    }
    largestComponentShare = StrongComponents(
      nodeCount: township.nodes.count, links: township.links
    ).largestShare(of: township.links)
    zones = township.zones.count
    grids = township.grids.count
    households = township.zones.reduce(0) { $0 + $1.households }
    population = township.population
    facilitiesByKind = FacilityKind.allCases.map { kind in
      (kind, township.facilities.filter { $0.kind == kind }.count)
    }
    shelterCapacity = township.shelterCapacity
    hazards = township.hazards.count
  }

  public static func == (a: MapSummary, b: MapSummary) -> Bool { a.lines == b.lines }

  /// The summary as lines of text.
  public var lines: [String] {
    let coverage = population > 0 ? Double(shelterCapacity) / Double(population) : 0
    return [
      "nodes: \(nodes)",
      "links: \(roadLinks) road (\(onewayLinks) one-way), \(pathLinks) path",
      String(
        format: "road length: %.2f km, path length: %.2f km", roadLength / 1000, pathLength / 1000),
      String(
        format: "largest strongly connected share of road length: %.1f %%",
        largestComponentShare * 100),
      "zones: \(zones), grids: \(grids)",
      "households: \(households), population: \(population)",
      "facilities: "
        + facilitiesByKind.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", "),
      String(
        format: "shelter capacity: %d for %d people (%.0f %%)", shelterCapacity, population,
        coverage * 100),
      "hazard features: \(hazards)",
    ]
  }
}
