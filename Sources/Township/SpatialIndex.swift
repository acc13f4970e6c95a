/// A uniform-grid index over a map's nodes and links, for point queries.
///
/// Hazards ask "which links cross this flooded cell", evacuees "which node
/// is nearest my house". Buckets of `cellSize` metres hold node indices and
/// the indices of links whose shape's bounding box touches the bucket;
/// queries visit a few buckets instead of the whole map. Results come back
/// sorted by index, so they never depend on hashing order.
public struct SpatialIndex: Sendable {
  public let cellSize: Double
  private let nodePositions: [MapPoint]
  private var nodeBuckets: [CellKey: [Int]] = [:]
  private var linkBuckets: [CellKey: [Int]] = [:]
  private var ringLimit = 0
  /// Links too long to bucket (see `maxLinkSpan`), returned by every link query.
  private var oversizedLinks: [Int] = []

  private struct CellKey: Hashable, Sendable {
    var column: Int
    var row: Int
  }

  /// Indexes the nodes and links of a map.
  public init(nodes: [Node], links: [Link], cellSize: Double = 250) {
    self.init(points: nodes.map(\.position), links: links, cellSize: cellSize)
  }

  /// Indexes bare points (zones' centres, facilities' places), so
  /// `nearestNode` answers "which of these is nearest" with a point's
  /// index; `links` name their ends by index into `points`.
  public init(points: [MapPoint], links: [Link] = [], cellSize: Double = 250) {
    self.cellSize = cellSize
    nodePositions = points
    var minKey = CellKey(column: .max, row: .max)
    var maxKey = CellKey(column: .min, row: .min)
    for (index, point) in points.enumerated() {
      let key = cell(of: point)
      nodeBuckets[key, default: []].append(index)
      minKey = CellKey(column: min(minKey.column, key.column), row: min(minKey.row, key.row))
      maxKey = CellKey(column: max(maxKey.column, key.column), row: max(maxKey.row, key.row))
    }
    ringLimit = points.isEmpty ? 0 : max(maxKey.column - minKey.column, maxKey.row - minKey.row) + 1
    for (index, link) in links.enumerated() {
      let shape = link.shape.isEmpty ? [points[link.from], points[link.to]] : link.shape
      let low = cell(
        of: MapPoint(x: shape.map(\.x).min() ?? 0, y: shape.map(\.y).min() ?? 0))
      let high = cell(
        of: MapPoint(x: shape.map(\.x).max() ?? 0, y: shape.map(\.y).max() ?? 0))
      let columns = high.column - low.column + 1
      let rows = high.row - low.row + 1
      guard columns <= Self.maxLinkSpan, rows <= Self.maxLinkSpan else {
        oversizedLinks.append(index)
        continue
      }
      for column in low.column...high.column {
        for row in low.row...high.row {
          linkBuckets[CellKey(column: column, row: row), default: []].append(index)
        }
      }
    }
  }

  /// Buckets a link's bounding box may span per axis before the link goes
  /// to `oversizedLinks` instead: a link to a far-off node (an extract
  /// with a stray coordinate) would otherwise fill millions of buckets.
  static let maxLinkSpan = 256

  private func cell(of point: MapPoint) -> CellKey {
    CellKey(
      column: Int((point.x / cellSize).rounded(.down)),
      row: Int((point.y / cellSize).rounded(.down)))
  }

  /// The node nearest to a point among those `accepting` admits (ties: lower index).
  public func nearestNode(
    to point: MapPoint, where accepting: (Int) -> Bool = { _ in true }
  ) -> Int? {
    let centre = cell(of: point)
    var best: (index: Int, distance: Double)?
    var ring = 0
    func consider(_ key: CellKey) {
      for index in nodeBuckets[key] ?? [] where accepting(index) {
        let distance = nodePositions[index].distance(to: point)
        if let current = best,
          distance > current.distance || (distance == current.distance && index > current.index)
        {
          continue
        }
        best = (index, distance)
      }
    }
    while ring <= ringLimit {
      // A ring of more cells than there are occupied buckets costs more
      // than looking at every node (nodes far apart, a stray coordinate).
      if 8 * ring > nodeBuckets.count { return nearestByScan(to: point, where: accepting) }
      // The ring's cells: its top and bottom rows, then its sides.
      for column in (centre.column - ring)...(centre.column + ring) {
        consider(CellKey(column: column, row: centre.row - ring))
        if ring > 0 { consider(CellKey(column: column, row: centre.row + ring)) }
      }
      if ring > 0 {
        for row in (centre.row - ring + 1)...(centre.row + ring - 1) {
          consider(CellKey(column: centre.column - ring, row: row))
          consider(CellKey(column: centre.column + ring, row: row))
        }
      }
      // Anything in ring r+1 or beyond is at least r * cellSize away.
      if let best, best.distance <= Double(ring) * cellSize { return best.index }
      ring += 1
    }
    return best?.index
  }

  /// `nearestNode` by looking at every node, in index order.
  private func nearestByScan(to point: MapPoint, where accepting: (Int) -> Bool) -> Int? {
    var best: (index: Int, distance: Double)?
    for index in nodePositions.indices where accepting(index) {
      let distance = nodePositions[index].distance(to: point)
      if let current = best, distance >= current.distance { continue }
      best = (index, distance)
    }
    return best?.index
  }

  /// Links whose bounding box touches the cell that contains `point`, and
  /// the oversized ones, sorted: candidates, whose shapes callers check.
  public func links(inCellContaining point: MapPoint) -> [Int] {
    ((linkBuckets[cell(of: point)] ?? []) + oversizedLinks).sorted()
  }

  /// Links whose bounding box touches any cell overlapping the rectangle,
  /// and the oversized ones, sorted: candidates, whose shapes callers check.
  public func links(inRectangleFrom low: MapPoint, to high: MapPoint) -> [Int] {
    let a = cell(of: low)
    let b = cell(of: high)
    var found = Set(oversizedLinks)
    for column in min(a.column, b.column)...max(a.column, b.column) {
      for row in min(a.row, b.row)...max(a.row, b.row) {
        found.formUnion(linkBuckets[CellKey(column: column, row: row)] ?? [])
      }
    }
    return found.sorted()
  }
}
