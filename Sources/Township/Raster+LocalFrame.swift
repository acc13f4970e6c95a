/// Aligns grids with a map: geographic grids sampled and resampled in the
/// map's local metric frame.
///
/// Maps live in local metres (transverse Mercator around the map centre),
/// but DEMs such as SRTM come in WGS84 degrees, with cells about 60 x 90 m
/// at 50 N and not square in metres. Hazard models need square metric
/// cells aligned with the map, so a geographic grid is resampled: each
/// local cell centre is unprojected to degrees and the geographic grid is
/// sampled there, bilinear between its cell centres (`Raster.sample`).
/// Local cells that fall outside the source grid, or whose neighbours all
/// lack data, get no data (NaN). Local grid edges are whole multiples of
/// the cell size from the map origin, so grids made for the same map with
/// the same cell size line up cell for cell.
extension Raster {
  /// The value of a geographic grid (x longitude, y latitude, degrees) at a local point.
  public func sample(at point: MapPoint, through projection: LocalProjection) -> Double? {
    let coordinate = projection.unproject(point)
    return sample(at: MapPoint(x: coordinate.longitude, y: coordinate.latitude))
  }

  /// The elevation at a point of a grid in the map's local frame (bilinear).
  public func elevation(at point: MapPoint) -> Double? { sample(at: point) }

  /// Resamples a geographic grid onto a local metric grid with square cells.
  ///
  /// `projection` is the map's (local metres <-> WGS84); `cellSize` the
  /// local cell size in metres, chosen by the caller; `west`, `south` the
  /// local grid's lower-left corner in metres; `columns` x `rows` its size.
  public func resampled(
    through projection: LocalProjection, cellSize: Double, west: Double, south: Double,
    columns: Int, rows: Int
  ) -> Raster {
    var local = Raster(
      columns: columns, rows: rows, west: west, south: south, cellSize: cellSize)
    local.noDataValue = noDataValue
    for row in 0..<rows {
      for column in 0..<columns {
        let centre = local.centre(column: column, row: row)
        local[column, row] = sample(at: centre, through: projection) ?? .nan
      }
    }
    return local
  }

  /// Resamples a geographic grid onto the local cells covering some points.
  ///
  /// The local grid covers the points' bounding box widened by `margin`
  /// metres, with edges snapped outwards to multiples of `cellSize`.
  public func resampled(
    through projection: LocalProjection, cellSize: Double, covering points: some Sequence<MapPoint>,
    margin: Double = 0
  ) -> Raster {
    let frame = Self.localFrame(covering: points, cellSize: cellSize, margin: margin)
    return resampled(
      through: projection, cellSize: cellSize, west: frame.west, south: frame.south,
      columns: frame.columns, rows: frame.rows)
  }

  /// The cell-aligned frame that covers points plus a margin.
  public static func localFrame(
    covering points: some Sequence<MapPoint>, cellSize: Double, margin: Double = 0
  ) -> (west: Double, south: Double, columns: Int, rows: Int) {
    var low = MapPoint(x: .infinity, y: .infinity)
    var high = MapPoint(x: -.infinity, y: -.infinity)
    for point in points {
      low = MapPoint(x: min(low.x, point.x), y: min(low.y, point.y))
      high = MapPoint(x: max(high.x, point.x), y: max(high.y, point.y))
    }
    if low.x > high.x {
      low = MapPoint(x: 0, y: 0)
      high = low
    }
    let west = ((low.x - margin) / cellSize).rounded(.down) * cellSize
    let south = ((low.y - margin) / cellSize).rounded(.down) * cellSize
    let east = ((high.x + margin) / cellSize).rounded(.up) * cellSize
    let north = ((high.y + margin) / cellSize).rounded(.up) * cellSize
    let columns = max(1, Int(((east - west) / cellSize).rounded()))
    let rows = max(1, Int(((north - south) / cellSize).rounded()))
    return (west, south, columns, rows)
  }
}

extension Township {
  /// Every point of the map: nodes, link shapes, zone and facility positions, hazard outlines.
  public var allPoints: [MapPoint] {
    var points = nodes.map(\.position)
    for link in links { points.append(contentsOf: link.shape) }
    points.append(contentsOf: zones.map(\.position))
    points.append(contentsOf: facilities.map(\.position))
    for hazard in hazards { points.append(contentsOf: hazard.points) }
    return points
  }
}
