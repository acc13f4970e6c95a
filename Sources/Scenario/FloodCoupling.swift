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
///
/// Each update is a threshold event per cell, not a poll of every link
/// (DESIGN.md §4): the distinct cells under links are rated once each
/// (which modes their water closes), and only the links on a cell whose
/// rating changed are looked at again. A link's closure is the union of
/// its cells' (every criterion is "some cell over its limit"), so this
/// closes and reopens exactly the links a full pass would, in link order,
/// while a county's hundred thousand links cost nothing on a step where
/// their water stays on the same side of every limit.
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
  /// The distinct cells under links, in the order links first reach them.
  let watched: [(col: Int, row: Int)]
  /// Per link: its cells as indices into `watched`.
  let linkWatched: [[Int32]]
  /// Per watched cell k: its links are `cellLinks[cellLinkStart[k]..<cellLinkStart[k + 1]]`,
  /// in link order.
  let cellLinkStart: [Int32]
  let cellLinks: [Int32]
  /// Per watched cell: the modes its water closed at the last update
  /// (`drivingBit`, `walkingBit`).
  var cellClosure: [UInt8]
  /// The rules the cells were rated by at the last update; nil before the
  /// first, so that it looks at every link.
  var ratedWith: FloodThresholds?
  /// Scratch: per link, whether it is already among this update's candidates.
  var isCandidate: [Bool]
  /// Watched places: zones, shelters, supplying facilities (see +Sites).
  let sites: [Site]
  /// Per site: whether it is over its depth now.
  var siteWet: [Bool]

  static let drivingBit: UInt8 = 1
  static let walkingBit: UInt8 = 2

  init(map: LiveMap, flood: FloodModel) {
    self.map = map
    self.flood = flood
    let grid = flood.solver.grid
    let cells = map.township.links.indices.map { index in
      var seen = Set<Int>()
      var list: [(col: Int, row: Int)] = []
      for point in map.samplePoints(link: index, spacing: grid.cellSize / 2) {
        guard let cell = grid.cell(atX: point.x, y: point.y) else { continue }
        if seen.insert(cell.row * grid.ncols + cell.col).inserted { list.append(cell) }
      }
      return list
    }
    var slot: [Int: Int] = [:]
    var watched: [(col: Int, row: Int)] = []
    var counts: [Int32] = []
    let linkWatched = cells.map { linkCells in
      linkCells.map { cell in
        let key = cell.row * grid.ncols + cell.col
        if let k = slot[key] {
          counts[k] += 1
          return Int32(k)
        }
        slot[key] = watched.count
        watched.append(cell)
        counts.append(1)
        return Int32(watched.count - 1)
      }
    }
    var start = [Int32](repeating: 0, count: watched.count + 1)
    for k in watched.indices { start[k + 1] = start[k] + counts[k] }
    var next = start
    var links = [Int32](repeating: 0, count: Int(start[watched.count]))
    for (index, slots) in linkWatched.enumerated() {
      for slot in slots {
        let k = Int(slot)
        links[Int(next[k])] = Int32(index)
        next[k] += 1
      }
    }
    self.cells = cells
    self.linkWatched = linkWatched
    self.watched = watched
    cellLinkStart = start
    cellLinks = links
    cellClosure = [UInt8](repeating: 0, count: watched.count)
    isCandidate = [Bool](repeating: false, count: cells.count)
    sites = Self.sites(of: map.township, on: grid)
    siteWet = Array(repeating: false, count: sites.count)
  }

  /// Rates the watched cells and updates the links on those whose rating
  /// changed (every link at the first update and after the rules change).
  func update() -> [Change] {
    let limits = flood.thresholds
    var candidates: [Int] = []
    if ratedWith != limits {
      ratedWith = limits
      for k in watched.indices { cellClosure[k] = closureBits(of: watched[k], limits) }
      candidates = cells.indices.filter { !cells[$0].isEmpty }
    } else {
      for k in watched.indices {
        let closure = closureBits(of: watched[k], limits)
        guard closure != cellClosure[k] else { continue }
        cellClosure[k] = closure
        for slot in Int(cellLinkStart[k])..<Int(cellLinkStart[k + 1]) {
          let link = Int(cellLinks[slot])
          if !isCandidate[link] {
            isCandidate[link] = true
            candidates.append(link)
          }
        }
      }
      for link in candidates { isCandidate[link] = false }
      candidates.sort()
    }
    var changes: [Change] = []
    for index in candidates {
      if let change = updateLink(index, limits) { changes.append(change) }
    }
    return changes
  }

  /// The modes the water in one cell closes, as bits.
  func closureBits(of cell: (col: Int, row: Int), _ limits: FloodThresholds) -> UInt8 {
    let solver = flood.solver
    let d = solver.depth(col: cell.col, row: cell.row)
    guard d > 0 else { return 0 }
    let q = solver.unitDischarge(col: cell.col, row: cell.row)
    let rating =
      limits.walkHazardRating == nil ? 0 : limits.hazardRating.rating(depth: d, speed: q / d)
    let closure = limits.closure(depth: d, discharge: q, rating: rating)
    return (closure.driving ? Self.drivingBit : 0) | (closure.walking ? Self.walkingBit : 0)
  }

  /// Sets one link's closure from its cells' ratings; the change, if any,
  /// with the link's worst depth, discharge and rating.
  func updateLink(_ index: Int, _ limits: FloodThresholds) -> Change? {
    var after = limits.closure(depth: 0, discharge: 0, rating: 0)
    for k in linkWatched[index] {
      after.driving = after.driving || cellClosure[Int(k)] & Self.drivingBit != 0
      after.walking = after.walking || cellClosure[Int(k)] & Self.walkingBit != 0
    }
    let id = map.township.links[index].id
    let before = map.hazardClosure(link: id)
    guard after != before else { return nil }
    let worst = worstWater(on: index, limits)
    map.setHazardClosure(link: id, after)
    return Change(
      link: id, depth: worst.depth, discharge: worst.discharge, rating: worst.rating,
      before: before, after: after)
  }

  /// The deepest water, largest depth x speed and largest hazard rating
  /// over a link's cells (what a change reports).
  func worstWater(on index: Int, _ limits: FloodThresholds)
    -> (depth: Double, discharge: Double, rating: Double)
  {
    let solver = flood.solver
    var depth = 0.0
    var discharge = 0.0
    var rating = 0.0
    for cell in cells[index] {
      let d = solver.depth(col: cell.col, row: cell.row)
      guard d > 0 else { continue }
      let q = solver.unitDischarge(col: cell.col, row: cell.row)
      depth = max(depth, d)
      discharge = max(discharge, q)
      if limits.walkHazardRating != nil {
        rating = max(rating, limits.hazardRating.rating(depth: d, speed: q / d))
      }
    }
    return (depth, discharge, rating)
  }
}
