/// The flood solver: LISFLOOD-FP's local-inertial scheme on a raster.
///
/// It holds depths (cell centres) and unit discharges (cell faces) and
/// advances them with the scheme of Bates et al. (2010), the q-centred
/// weighting of de Almeida et al. (2012), semi-implicit Manning friction
/// and an outflow limiter (reference/hazards.md §1). A discrete-event loop
/// calls `advance(to:)`; the solver picks its own sub-steps. State lives in
/// flat buffers with a ghost ring around the grid (so a neighbour is an
/// index offset, never a bounds test), and only wet cells plus a one-cell
/// ring are swept, as row spans in memory order, so cost follows the
/// flooded area and the kernel streams through contiguous cells.
public final class FloodSolver {
  /// The raster: bed, roughness, geometry.
  public let grid: FloodGrid
  /// Numerical settings; `setScheme` changes theta and alpha.
  public internal(set) var parameters: FloodParameters
  /// Edge conditions; changing them takes effect at the next step.
  public var boundaries: FloodBoundaries {
    didSet { refreshPinnedCells() }
  }
  /// Rain intensity over time (mm/h) on every cell, or nil for none; set
  /// with `setRain`.
  public internal(set) var rain: FloodSeries?
  /// Simulated time (s).
  public internal(set) var time = 0.0
  /// Solver steps taken.
  public internal(set) var steps = 0
  /// Cell updates performed: the active cells of every step summed (wet
  /// cells, the dry ring around them and pinned cells).
  public internal(set) var cellUpdates = 0
  /// Wet-cell updates performed: the cells wet after each step, summed.
  ///
  /// A cell counts once per step when it is deeper than the depth
  /// threshold after its update; the dry ring swept with the wet cells
  /// does not count.
  public internal(set) var wetCellUpdates = 0
  /// Rain volume added so far (m3).
  public internal(set) var rainVolume = 0.0
  /// Point-inflow volume added so far (m3).
  public internal(set) var inflowVolume = 0.0
  /// Volume breaches have let onto the grid so far (m3).
  public internal(set) var breachVolume = 0.0
  /// Levee and dam breaches, in the order they were added.
  public internal(set) var breaches: [FloodBreach] = []
  /// Net volume that entered through open edges so far (m3; negative when
  /// more left than entered).
  public internal(set) var boundaryVolume = 0.0
  /// Volume `fill(level:)` and `setDepths(_:)` added so far (m3).
  public internal(set) var addedVolume = 0.0
  /// The time step the last step used (s).
  public internal(set) var lastTimeStep = 0.0

  /// Columns plus the ghost ring: the row stride of every buffer.
  let stride: Int
  /// Cells plus the ghost ring.
  let paddedCount: Int
  let bed: UnsafeMutablePointer<Double>
  let depth: UnsafeMutablePointer<Double>
  let roughness: UnsafeMutablePointer<Double>
  let maxDepth: UnsafeMutablePointer<Double>
  /// Manning's n of each cell's east and south faces: the mean of the two
  /// cells', as the face update uses it, computed once.
  let eastRoughness: UnsafeMutablePointer<Double>
  let southRoughness: UnsafeMutablePointer<Double>
  /// East-face discharge per cell (m2/s, positive east), this step and last.
  var qx: UnsafeMutablePointer<Double>
  var qxPrevious: UnsafeMutablePointer<Double>
  /// South-face discharge per cell (m2/s, positive south), this step and last.
  var qy: UnsafeMutablePointer<Double>
  var qyPrevious: UnsafeMutablePointer<Double>
  /// The active cells as row spans: pairs (first, end) of padded indices.
  ///
  /// End exclusive, sorted, one row each, never touching (the ghost
  /// columns keep rows apart). Kept in arrays: they are read once per span,
  /// never per cell.
  var spans: [Int32] = []
  /// Cells in `spans`.
  var activeCount = 0
  /// Wet runs found by the last depth update, as pairs like `spans`.
  var wetRuns: [Int32] = []
  /// Spans of cells that left the active cells at the last rebuild.
  var leftSpans: [Int32] = []
  /// Scratch for one span's wet runs from continuity: room for a row's
  /// worst case, every other cell wet (`stride` entries).
  let runScratch: UnsafeMutablePointer<Int32>
  /// Scratch for building spans: packed (first << 32 | end) intervals.
  var intervals: [Int64] = []
  /// Cells active whatever their depth: inflow cells and level-edge cells.
  var pinned: [Int32] = []
  /// Point and line inflows.
  var inflows: [FloodInflow] = []
  /// Deepest wet cell after the last step (m); at or below the depth
  /// threshold when no cell is wet, which the time step reads as dry.
  var deepest = 0.0

  /// A solver on `grid`, dry, at time 0.
  public init(
    grid: FloodGrid, parameters: FloodParameters = FloodParameters(),
    boundaries: FloodBoundaries = .closed
  ) throws {
    try parameters.validate()
    try Self.validate(boundaries)
    self.grid = grid
    self.parameters = parameters
    self.boundaries = boundaries
    let count = (grid.ncols + 2) * (grid.nrows + 2)
    stride = grid.ncols + 2
    paddedCount = count
    func doubles() -> UnsafeMutablePointer<Double> {
      let buffer = UnsafeMutablePointer<Double>.allocate(capacity: count)
      buffer.initialize(repeating: 0, count: count)
      return buffer
    }
    bed = doubles()
    depth = doubles()
    roughness = doubles()
    maxDepth = doubles()
    qx = doubles()
    qxPrevious = doubles()
    qy = doubles()
    qyPrevious = doubles()
    eastRoughness = doubles()
    southRoughness = doubles()
    runScratch = UnsafeMutablePointer<Int32>.allocate(capacity: stride)
    for row in 0..<grid.nrows {
      for col in 0..<grid.ncols {
        let cell = padded(col: col, row: row)
        bed[cell] = grid.bed[row * grid.ncols + col]
        roughness[cell] = grid.manning[row * grid.ncols + col]
      }
    }
    for cell in stride..<(count - stride) {
      eastRoughness[cell] = 0.5 * (roughness[cell] + roughness[cell + 1])
      southRoughness[cell] = 0.5 * (roughness[cell] + roughness[cell + stride])
    }
    refreshPinnedCells()
  }

  deinit {
    for buffer in [
      bed, depth, roughness, maxDepth, eastRoughness, southRoughness, qx, qxPrevious, qy,
      qyPrevious,
    ] {
      buffer.deallocate()
    }
    runScratch.deallocate()
  }

  /// The padded buffer index of cell (col, row).
  @inline(__always) func padded(col: Int, row: Int) -> Int {
    (row + 1) * stride + col + 1
  }

  /// Rejects boundary series that cannot be used.
  static func validate(_ boundaries: FloodBoundaries) throws {
    for (name, edge) in [
      ("north", boundaries.north), ("south", boundaries.south),
      ("east", boundaries.east), ("west", boundaries.west),
    ] {
      if case .free(let slope?) = edge, !(slope >= 0 && slope.isFinite) {
        throw HazardsError("flood boundary \(name)", "free-outflow slope must be >= 0")
      }
    }
  }

  /// Recomputes the always-active cells and rebuilds the spans.
  func refreshPinnedCells() {
    var cells: [Int32] = []
    for inflow in inflows { cells += inflow.cells.map { Int32($0) } }
    for breach in breaches { cells.append(Int32(breach.cell)) }
    let ncols = grid.ncols
    let nrows = grid.nrows
    if case .level = boundaries.west {
      for row in 0..<nrows { cells.append(Int32(padded(col: 0, row: row))) }
    }
    if case .level = boundaries.east {
      for row in 0..<nrows { cells.append(Int32(padded(col: ncols - 1, row: row))) }
    }
    if case .level = boundaries.north {
      for col in 0..<ncols { cells.append(Int32(padded(col: col, row: 0))) }
    }
    if case .level = boundaries.south {
      for col in 0..<ncols { cells.append(Int32(padded(col: col, row: nrows - 1))) }
    }
    pinned = cells.sorted()
    rebuildActiveCells()
  }
}
