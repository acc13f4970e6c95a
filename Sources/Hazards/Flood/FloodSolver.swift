/// The flood solver: LISFLOOD-FP's local-inertial scheme on a raster.
///
/// It holds depths (cell centres) and unit discharges (cell faces) and
/// advances them with the scheme of Bates et al. (2010), the q-centred
/// weighting of de Almeida et al. (2012), semi-implicit Manning friction
/// and an outflow limiter (reference/hazards.md §1). A discrete-event loop
/// calls `advance(to:)`; the solver picks its own sub-steps. State lives in
/// flat buffers with a ghost ring around the grid (so a neighbour is an
/// index offset, never a bounds test), and only wet cells plus a one-cell
/// ring are swept, so cost follows the flooded area.
public final class FloodSolver {
  /// The raster: bed, roughness, geometry.
  public let grid: FloodGrid
  /// Numerical settings.
  public let parameters: FloodParameters
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
  /// Cell updates performed: the active cells of every step summed.
  public internal(set) var cellUpdates = 0
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
  /// depth^(7/3) of every wet cell, for the friction term (stale on dry cells).
  let frictionPower: UnsafeMutablePointer<Double>
  /// East-face discharge per cell (m2/s, positive east), this step and last.
  var qx: UnsafeMutablePointer<Double>
  var qxPrevious: UnsafeMutablePointer<Double>
  /// South-face discharge per cell (m2/s, positive south), this step and last.
  var qy: UnsafeMutablePointer<Double>
  var qyPrevious: UnsafeMutablePointer<Double>
  /// Generation stamps: a cell is active when its stamp equals `generation`.
  let stamp: UnsafeMutablePointer<UInt32>
  var generation: UInt32 = 1
  /// Active cells (padded indices), and the buffer the next list is built in.
  var active: UnsafeMutablePointer<Int32>
  var nextActive: UnsafeMutablePointer<Int32>
  var activeCount = 0
  /// Cells that left the active list at the last rebuild.
  let left: UnsafeMutablePointer<Int32>
  var leftCount = 0
  /// Cells found wet by the last depth update, whose friction power is due.
  let powerDue: UnsafeMutablePointer<Int32>
  /// Cells active whatever their depth: inflow cells and level-edge cells.
  var pinned: [Int32] = []
  /// Point and line inflows.
  var inflows: [FloodInflow] = []
  /// Deepest wet cell after the last step (m).
  var deepest = 0.0
  /// Steps since the active list was last sorted into memory order.
  var stepsSinceSort = 0

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
    frictionPower = doubles()
    qx = doubles()
    qxPrevious = doubles()
    qy = doubles()
    qyPrevious = doubles()
    stamp = .allocate(capacity: paddedCount)
    stamp.initialize(repeating: 0, count: paddedCount)
    let cells = grid.ncols * grid.nrows
    active = .allocate(capacity: cells)
    nextActive = .allocate(capacity: cells)
    left = .allocate(capacity: cells)
    powerDue = .allocate(capacity: cells)
    for row in 0..<grid.nrows {
      for col in 0..<grid.ncols {
        let cell = padded(col: col, row: row)
        bed[cell] = grid.bed[row * grid.ncols + col]
        roughness[cell] = grid.manning[row * grid.ncols + col]
      }
    }
    markGhosts()
    refreshPinnedCells()
  }

  deinit {
    for buffer in [bed, depth, roughness, maxDepth, frictionPower, qx, qxPrevious, qy, qyPrevious] {
      buffer.deallocate()
    }
    stamp.deallocate()
    active.deallocate()
    nextActive.deallocate()
    left.deallocate()
    powerDue.deallocate()
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

  /// Recomputes the always-active cells and rebuilds the active list.
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
    pinned = cells
    rebuildActiveCells()
  }
}
