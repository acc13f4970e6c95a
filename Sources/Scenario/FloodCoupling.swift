import Township

/// Closes roads and paths under flood water and reopens them as it recedes.
///
/// Each link is sampled at its nodes and along its shape at half a cell's
/// spacing, so a link that dips through a valley between two dry nodes is
/// still seen. Each sampled cell is rated by its depth, its depth x speed
/// and its hazard rating, and the link takes its worst cell; per DESIGN.md
/// §4 (`FloodThresholds`) it closes for cars above 0.3 m or 0.3 m2/s, for
/// pedestrians above 0.5 m (or a hazard rating), and reopens for each mode
/// when every criterion is back within its limit. Zones, shelters and
/// supplying facilities are watched too (see +Sites).
public final class FloodCoupling {
  /// A change of a link's flood closure.
  public struct Change: Sendable, Equatable {
    public let link: String
    /// Deepest water on the link (m).
    public let depth: Double
    /// Largest depth x speed on the link (m2/s).
    public let discharge: Double
    /// Largest hazard rating on the link.
    public let rating: Double
    public let before: LiveMap.HazardClosure
    public let after: LiveMap.HazardClosure

    /// True when the link closed for one more mode.
    public var isClosing: Bool {
      (after.driving && !before.driving) || (after.walking && !before.walking)
    }

    /// "drive", "walk", "all" or "none": the modes now closed.
    public var closedModes: String {
      switch (after.driving, after.walking) {
      case (true, true): "all"
      case (true, false): "drive"
      case (false, true): "walk"
      case (false, false): "none"
      }
    }
  }

  let map: LiveMap
  unowned let flood: FloodModel
  /// Per link: the grid cells (column, row) its samples fall in.
  let cells: [[(col: Int, row: Int)]]
  /// Watched places: zones, shelters, supplying facilities (see +Sites).
  let sites: [Site]
  /// Per site: whether it is over its depth now.
  var siteWet: [Bool]

  init(map: LiveMap, flood: FloodModel) {
    self.map = map
    self.flood = flood
    let grid = flood.solver.grid
    cells = map.township.links.indices.map { index in
      var seen = Set<Int>()
      var list: [(col: Int, row: Int)] = []
      for point in map.samplePoints(link: index, spacing: grid.cellSize / 2) {
        guard let cell = grid.cell(atX: point.x, y: point.y) else { continue }
        if seen.insert(cell.row * grid.ncols + cell.col).inserted { list.append(cell) }
      }
      return list
    }
    sites = Self.sites(of: map.township, on: grid)
    siteWet = Array(repeating: false, count: sites.count)
  }

  /// Compares every link's water with the limits and updates the map.
  func update() -> [Change] {
    var changes: [Change] = []
    let solver = flood.solver
    let limits = flood.thresholds
    for (index, linkCells) in cells.enumerated() where !linkCells.isEmpty {
      var depth = 0.0
      var discharge = 0.0
      var rating = 0.0
      for cell in linkCells {
        let d = solver.depth(col: cell.col, row: cell.row)
        guard d > 0 else { continue }
        let q = solver.unitDischarge(col: cell.col, row: cell.row)
        depth = max(depth, d)
        discharge = max(discharge, q)
        if limits.walkHazardRating != nil {
          rating = max(rating, limits.hazardRating.rating(depth: d, speed: q / d))
        }
      }
      let id = map.township.links[index].id
      let before = map.hazardClosure(link: id)
      let after = limits.closure(depth: depth, discharge: discharge, rating: rating)
      guard after != before else { continue }
      map.setHazardClosure(link: id, after)
      changes.append(
        Change(
          link: id, depth: depth, discharge: discharge, rating: rating, before: before,
          after: after))
    }
    return changes
  }
}
