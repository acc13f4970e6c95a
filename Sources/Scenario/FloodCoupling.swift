import Township

/// Closes roads and paths under flood water and reopens them as it recedes.
///
/// Each link is sampled at its nodes and along its shape at half a cell's
/// spacing, so a link that dips through a valley between two dry nodes is
/// still seen; the link's depth is the deepest sample. Per DESIGN.md §4 a
/// link closes for cars above 0.3 m and for pedestrians above 0.5 m, and
/// reopens for each mode when the water is back at or below that depth.
/// (The d*v and hazard-rating criteria are not applied yet.)
public final class FloodCoupling {
  /// A change of a link's flood closure.
  public struct Change: Sendable, Equatable {
    public let link: String
    /// Deepest water on the link (m).
    public let depth: Double
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
  }

  /// Compares every link's depth with the limits and updates the map.
  func update() -> [Change] {
    var changes: [Change] = []
    for (index, linkCells) in cells.enumerated() where !linkCells.isEmpty {
      let depth = linkCells.reduce(0.0) { deepest, cell in
        max(deepest, flood.solver.depth(col: cell.col, row: cell.row))
      }
      let id = map.township.links[index].id
      let before = map.hazardClosure(link: id)
      let after = LiveMap.HazardClosure(
        driving: depth > FloodModel.driveLimit, walking: depth > FloodModel.walkLimit)
      guard after != before else { continue }
      map.setHazardClosure(link: id, after)
      changes.append(Change(link: id, depth: depth, before: before, after: after))
    }
    return changes
  }
}
