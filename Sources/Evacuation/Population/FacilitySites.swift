import Township

/// The places of one kind of facility, indexed for "the nearest school
/// within 1.5 km of this zone".
///
/// A roster asks this once per zone; a pass over every facility per zone
/// made building a county's roster quadratic (zones times facilities).
struct FacilitySites {
  typealias Site = (node: Int, position: MapPoint)

  private let sites: [Site]
  private let index: SpatialIndex

  /// The facilities of `kind` on `township`, in the map's order.
  init(_ kind: FacilityKind, in township: Township) {
    sites = township.facilities.filter { $0.kind == kind }.map { ($0.node, $0.position) }
    index = SpatialIndex(points: sites.map(\.position), cellSize: Self.cellSize)
  }

  /// Bucket size of the index: about a village's width, so a query looks
  /// at a few buckets whatever the radius.
  static let cellSize = 1000.0

  /// The nearest site to `point` if it lies within `radius` (ties: the
  /// first in map order).
  func nearest(to point: MapPoint, within radius: Double) -> Site? {
    guard let found = index.nearestNode(to: point) else { return nil }
    let site = sites[found]
    return site.position.distance(to: point) <= radius ? site : nil
  }
}
