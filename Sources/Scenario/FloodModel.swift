import Hazards
import Township

/// A run's flood: the solver on the header's terrain, its sources, and the
/// roads it cuts.
///
/// The solver's clock starts at 0 when the flood is built, which may be
/// after the run started (the first `sim.flood` call builds it), so every
/// time crossing this type is sim time in seconds and `origin` converts.
/// Cells without terrain data become walls 100 m above the highest cell:
/// the solver needs a finite bed everywhere, and a hole in a DEM is more
/// often outside the surveyed area than a pit.
public final class FloodModel {
  /// Manning's n where no `roughness` raster gives one (s/m^(1/3)): short
  /// grass and open ground, the middle of the floodplain range.
  public static let defaultManning = 0.035
  /// Depth above which a link closes for cars by default (m, DESIGN.md §4).
  public static let driveLimit = FloodThresholds().carDepth
  /// Depth above which a link closes for pedestrians by default (m).
  public static let walkLimit = FloodThresholds().walkDepth

  public let solver: FloodSolver
  /// Sim time (s) of the solver's time 0.
  public let origin: Double
  var rainWindows: [(from: Double, to: Double, mmPerHour: Double)] = []
  var coupling: FloodCoupling?
  /// The coupling rules; changes apply at the next `updateLinks()`.
  public var thresholds = FloodThresholds()
  /// Per cell (row-major), when water first got deeper than
  /// `arrivalDepth`, stamped at each `advance` (NaN: not yet); empty
  /// unless `trackArrivals` was called.
  public private(set) var arrivals: [Double] = []
  public private(set) var arrivalDepth = 0.1

  /// Builds a flood on `terrain` (square cells), with Manning's n sampled
  /// from `roughness` at each cell centre where it has data.
  public init(terrain: Raster, roughness: Raster?, at now: Double) throws(ScenarioError) {
    guard terrain.cellWidth == terrain.cellHeight else {
      throw ScenarioError(
        "terrain",
        "the flood needs square cells (this grid's are "
          + "\(terrain.cellWidth) x \(terrain.cellHeight) m)")
    }
    guard let range = terrain.valueRange else {
      throw ScenarioError("terrain", "the grid has no data")
    }
    let wall = range.upperBound + 100
    let bed = terrain.values.map { $0.isNaN ? wall : $0 }
    var manning = [Double](repeating: Self.defaultManning, count: bed.count)
    if let roughness {
      for row in 0..<terrain.rows {
        for column in 0..<terrain.columns {
          let centre = terrain.centre(column: column, row: row)
          if let n = roughness.sample(at: centre) {
            guard n >= 0, n.isFinite else {
              throw ScenarioError("roughness", "Manning's n must be >= 0, got \(n)")
            }
            manning[row * terrain.columns + column] = n
          }
        }
      }
    }
    do {
      let grid = try FloodGrid(
        ncols: terrain.columns, nrows: terrain.rows, cellSize: terrain.cellWidth, bed: bed,
        manningRaster: manning, xllcorner: terrain.west, yllcorner: terrain.south)
      solver = try FloodSolver(grid: grid)
    } catch {
      throw ScenarioError("terrain", "\(error)")
    }
    origin = now
  }

  /// Advances the water to sim time `now`.
  public func advance(to now: Double) {
    let target = now - origin
    if target > solver.time { solver.advance(to: target) }
    if !arrivals.isEmpty { solver.markArrivals(&arrivals, deeperThan: arrivalDepth, at: now) }
  }

  /// Starts recording when each cell first gets deeper than `depth`, at
  /// the resolution of the calls to `advance` (for arrival-time maps).
  public func trackArrivals(deeperThan depth: Double) {
    arrivalDepth = depth
    arrivals = Array(repeating: .nan, count: solver.grid.ncols * solver.grid.nrows)
  }

  /// What happens at each edge of the grid: closed (a wall, the default),
  /// free outflow, or a water level outside (`FloodBoundary`).
  ///
  /// A DEM cut out of a longer valley ends where the river goes on: a wall
  /// there piles the river's water up against the edge, so the cut end
  /// should let it out. Changes apply from the solver's next step, so
  /// advance to now before changing them mid-run.
  public var boundaries: FloodBoundaries { solver.boundaries }

  /// Sets the edge conditions; a free edge's bed slope must be >= 0.
  public func setBoundaries(_ boundaries: FloodBoundaries) throws(ScenarioError) {
    for (name, edge) in [
      ("north", boundaries.north), ("south", boundaries.south),
      ("east", boundaries.east), ("west", boundaries.west),
    ] {
      if case .free(let slope?) = edge, !(slope >= 0 && slope.isFinite) {
        throw ScenarioError(name, "a free edge's bed slope must be >= 0, got \(slope)")
      }
    }
    solver.boundaries = boundaries
  }

  /// Sets theta and alpha from the solver's next step on.
  public func setScheme(theta: Double, alpha: Double) throws(ScenarioError) {
    do {
      try solver.setScheme(theta: theta, alpha: alpha)
    } catch {
      throw ScenarioError("", "\(error)")
    }
  }

  /// Net volume that left through open edges so far (m3; negative when a
  /// level edge let more in than went out).
  public var outflowVolume: Double { -solver.boundaryVolume }

  /// Raises the water surface to `level` over every cell below it.
  public func fill(level: Double) { solver.fill(level: level) }

  /// Adds rain of `mmPerHour` over the whole grid between sim times `from`
  /// and `to`; rain windows add up where they overlap.
  public func addRain(mmPerHour: Double, from: Double, to: Double) throws(ScenarioError) {
    guard mmPerHour >= 0, mmPerHour.isFinite, to > from else {
      throw ScenarioError("", "needs mm_per_h >= 0 and from < to")
    }
    rainWindows.append((from - origin, to - origin, mmPerHour))
    var breaks = Set<Double>()
    for window in rainWindows {
      breaks.insert(window.from)
      if window.to.isFinite { breaks.insert(window.to) }
    }
    var points: [(Double, Double)] = []
    var before = 0.0
    for time in breaks.sorted() {
      let after = rainWindows.reduce(0.0) { sum, w in
        w.from <= time && time < w.to ? sum + w.mmPerHour : sum
      }
      points += [(time, before), (time, after)]
      before = after
    }
    do {
      try solver.setRain(FloodSeries(points))
    } catch {
      throw ScenarioError("", "\(error)")
    }
  }

  /// Adds an inflow at (x, y): `(sim time, m3/s)` points, linear between
  /// them and held outside.
  ///
  /// With `to`, the water enters along the line from (x, y) to it, each
  /// cell taking the share of the line that crosses it: a river in flood
  /// enters across its flood plain, not through one cell.
  public func addInflow(
    x: Double, y: Double, to end: (x: Double, y: Double)? = nil, points: [(Double, Double)]
  ) throws(ScenarioError) {
    do {
      let series = try FloodSeries(points.map { ($0.0 - origin, $0.1) })
      guard series.minimum >= 0 else {
        throw ScenarioError("", "m3_per_s must not be negative")
      }
      if let end {
        try solver.addInflow(fromX: x, fromY: y, toX: end.x, toY: end.y, hydrograph: series)
      } else {
        try solver.addInflow(x: x, y: y, hydrograph: series)
      }
    } catch let error as ScenarioError {
      throw error
    } catch let error as HazardsError {
      throw ScenarioError("", error.message)
    } catch {
      throw ScenarioError("", "\(error)")
    }
  }

  /// Water depth (m) at a map point, or nil outside the grid.
  public func depth(x: Double, y: Double) -> Double? { solver.depth(atX: x, y: y) }

  /// Water volume on the grid (m3).
  public var volume: Double { solver.volume() }

  /// The deepest water any cell has held so far (m).
  public var maxDepth: Double { solver.maxDepths().max() ?? 0 }

  /// Couples the flood to a map: from now on `updateLinks()` closes links.
  public func couple(to map: LiveMap) {
    coupling = FloodCoupling(map: map, flood: self)
  }

  /// The distinct cells under links that each `updateLinks()` rates, and
  /// the link-cell pairs they stand for (what a pass over every link would
  /// read); zeros before `couple(to:)`.
  public var watchedCells: (cells: Int, linkCells: Int) {
    guard let coupling else { return (0, 0) }
    return (coupling.watched.count, coupling.cellLinks.count)
  }

  /// Closes and reopens links for the water as it stands; the changes made.
  public func updateLinks() -> [FloodCoupling.Change] {
    coupling?.update() ?? []
  }

  /// The zones, shelters and supplying facilities whose water just went
  /// over their depth.
  public func updateSites() -> [FloodCoupling.SiteEvent] {
    coupling?.updateSites() ?? []
  }

  /// Speed (m/s) at a map point, or nil outside the grid.
  public func speed(x: Double, y: Double) -> Double? { solver.speed(atX: x, y: y) }
}
