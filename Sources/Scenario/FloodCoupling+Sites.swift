import Hazards
import Township

/// The places a flood threatens besides the roads: zones (`zone.wet`),
/// shelters (`shelter.flooded`) and the substations and base stations whose
/// failure cuts power and network.
///
/// Each place is read at the cell of its point; it fires when the water
/// there first exceeds its depth and is re-armed once the water is back at
/// or below it.
extension FloodCoupling {
  /// A watched place.
  public struct Site: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      case zone
      case shelter
      case supplier
    }
    public let kind: Kind
    public let id: String
    let col: Int
    let row: Int
  }

  /// A place whose water just went over its depth.
  public struct SiteEvent: Sendable, Equatable {
    public let site: Site
    public let depth: Double
  }

  /// Zones in map order, then shelters, then supplying facilities, each
  /// where its point lies on the grid.
  static func sites(of township: Township, on grid: FloodGrid) -> [Site] {
    var sites: [Site] = []
    func add(_ kind: Site.Kind, _ id: String, _ point: MapPoint) {
      guard let cell = grid.cell(atX: point.x, y: point.y) else { return }
      sites.append(Site(kind: kind, id: id, col: cell.col, row: cell.row))
    }
    for zone in township.zones { add(.zone, zone.id, zone.position) }
    for facility in township.facilities where facility.kind == .shelter {
      add(.shelter, facility.id, facility.position)
    }
    for supplier in OutageBoard.suppliers(of: township) {
      add(.supplier, supplier.facility, supplier.position)
    }
    return sites
  }

  /// The places whose water went over their depth since the last call.
  func updateSites() -> [SiteEvent] {
    let limits = flood.thresholds
    var events: [SiteEvent] = []
    for (k, site) in sites.enumerated() {
      let depth = flood.solver.depth(col: site.col, row: site.row)
      let limit =
        switch site.kind {
        case .zone: limits.zoneDepth
        case .shelter: limits.shelterDepth
        case .supplier: limits.facilityDepth
        }
      let wet = depth > limit
      if wet, !siteWet[k] { events.append(SiteEvent(site: site, depth: depth)) }
      siteWet[k] = wet
    }
    return events
  }
}
