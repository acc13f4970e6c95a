/// The storage-elevation relation of a level-pool reservoir: water surface
/// area over level, and the stored volume it integrates to.
///
/// A deep reservoir stays outside the flood grid (one deep cell would cut
/// every step of the explicit scheme, hazards.md §0), so its water is one
/// number: the volume, whose level follows from this relation. The area is
/// linear between the table's points and held beyond its ends; volumes are
/// measured from the first point's level (negative below it), so the
/// relation is exact for prismatic and trapezoidal basins alike.
public struct FloodStorage: Sendable, Equatable {
  /// Levels (m), strictly increasing.
  public let levels: [Double]
  /// Surface areas (m2) at `levels`, all positive.
  public let areas: [Double]
  /// Stored volume (m3) at each of `levels`, from the first.
  private let volumes: [Double]

  /// A relation through `(level, area)` points; one point is a constant
  /// area (vertical walls).
  public init(_ points: [(level: Double, area: Double)]) throws {
    guard !points.isEmpty else {
      throw HazardsError("reservoir area", "needs at least one (level, area) point")
    }
    for (index, point) in points.enumerated() {
      guard point.level.isFinite, point.area > 0, point.area.isFinite else {
        throw HazardsError(
          "reservoir area point \(index + 1)", "level must be finite and area positive")
      }
      if index > 0, point.level <= points[index - 1].level {
        throw HazardsError("reservoir area point \(index + 1)", "levels must increase")
      }
    }
    levels = points.map(\.level)
    areas = points.map(\.area)
    var running = [0.0]
    for index in 1..<max(1, points.count) {
      let depth = levels[index] - levels[index - 1]
      running.append(running[index - 1] + 0.5 * (areas[index - 1] + areas[index]) * depth)
    }
    volumes = running
  }

  /// A reservoir with vertical walls: `area` at every level.
  public init(area: Double) throws {
    try self.init([(0, area)])
  }

  /// Surface area (m2) at `level`.
  public func area(at level: Double) -> Double {
    let last = levels.count - 1
    if level <= levels[0] { return areas[0] }
    if level >= levels[last] { return areas[last] }
    let upper = levels.firstIndex { $0 > level } ?? last
    let fraction = (level - levels[upper - 1]) / (levels[upper] - levels[upper - 1])
    return areas[upper - 1] + fraction * (areas[upper] - areas[upper - 1])
  }

  /// Stored volume (m3) at `level`, counted from the first point's level.
  public func volume(at level: Double) -> Double {
    let last = levels.count - 1
    if level <= levels[0] { return areas[0] * (level - levels[0]) }
    if level >= levels[last] { return volumes[last] + areas[last] * (level - levels[last]) }
    let upper = levels.firstIndex { $0 > level } ?? last
    let depth = level - levels[upper - 1]
    return volumes[upper - 1] + 0.5 * (areas[upper - 1] + area(at: level)) * depth
  }

  /// The level (m) at which the reservoir holds `volume` (m3): the inverse
  /// of `volume(at:)`.
  ///
  /// Within a segment the volume is quadratic in depth; the root is taken
  /// in the form `2V / (A + sqrt(A^2 + 2 s V))`, which stays accurate when
  /// the area hardly changes (s near 0).
  public func level(forVolume volume: Double) -> Double {
    let last = levels.count - 1
    if volume <= 0 { return levels[0] + volume / areas[0] }
    if volume >= volumes[last] { return levels[last] + (volume - volumes[last]) / areas[last] }
    let upper = volumes.firstIndex { $0 > volume } ?? last
    let lower = upper - 1
    let slope = (areas[upper] - areas[lower]) / (levels[upper] - levels[lower])
    let extra = volume - volumes[lower]
    let a = areas[lower]
    let depth = 2 * extra / (a + max(0, a * a + 2 * slope * extra).squareRoot())
    return levels[lower] + depth
  }
}
