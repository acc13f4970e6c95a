import Foundation

/// What an OSM import kept, estimated and repaired, for `map import` to print.
///
/// Repairs are never silent: every change to the network and everything
/// left out is counted here.
public struct ImportReport: Sendable, Equatable {
  public var highwayWaysKept = 0
  /// Highway ways with no node inside the extract's `<bounds>`, left out.
  public var highwayWaysOutsideBounds = 0
  public var residentialBuildings = 0
  public var buildingsOutsideZones = 0
  public var households = 0
  public var population = 0
  public var fireStations = 0
  public var shelterCapacity = 0
  /// Facilities mapped both as a node and as a building outline, imported once.
  public var duplicateFacilities = 0
  public var relationsSkipped = 0
  public var missingNodeRefs = 0
  /// One-way road links outside the largest component made two-way.
  public var onewayRepairs = 0
  public var onewayRepairLength = 0.0
  /// Drivable path links (tracktype, vehicle access) opened to vehicles to join road islands.
  public var connectorPaths = 0
  public var connectorPathLength = 0.0
  /// Road nodes with a single neighbour (cul-de-sacs and cut ends).
  public var danglingEnds = 0
  /// Dangling ends within `ImportReport.nearMissDistance` of an unconnected road node.
  public var nearMissEnds = 0
  public var shareBeforeRepair = 0.0
  public var shareAfterRepair = 0.0
  /// Road components other than the largest, and their road length.
  public var islands = 0
  public var islandLength = 0.0

  /// How close a dangling end must be to another road node to count as a near miss.
  public static let nearMissDistance = 5.0

  public init() {}

  /// The report as lines of text.
  public var lines: [String] {
    func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
    func km(_ metres: Double) -> String { String(format: "%.2f km", metres / 1000) }
    return [
      "highway ways kept: \(highwayWaysKept) (outside the extract bounds, left out: \(highwayWaysOutsideBounds))",
      "residential buildings: \(residentialBuildings) (outside every zone: \(buildingsOutsideZones))",
      "households: \(households), population: \(population)",
      "fire stations: \(fireStations)",
      "duplicate facilities merged (node and building outline): \(duplicateFacilities)",
      "shelter capacity: \(shelterCapacity)",
      "relations skipped: \(relationsSkipped)",
      "way references to missing nodes: \(missingNodeRefs)",
      "repaired one-ways (made two-way): \(onewayRepairs) links, \(km(onewayRepairLength))",
      "paths opened to vehicles to join road islands: \(connectorPaths) links, \(km(connectorPathLength))",
      "dangling ends: \(danglingEnds) (within \(Int(Self.nearMissDistance)) m of another road: \(nearMissEnds))",
      "largest strongly connected share of road length: \(percent(shareBeforeRepair)) before repair, \(percent(shareAfterRepair)) after",
      "road islands left outside it: \(islands), \(km(islandLength))",
    ]
  }
}
