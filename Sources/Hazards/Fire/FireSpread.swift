import Foundation
import SimKernel

/// Fire arrival times on a landscape by minimum travel time (Finney 2002):
/// Dijkstra over a radius-5 stencil with the Rothermel ellipse in every cell.
///
/// Built for the discrete-event loop: `nextIgnition()` settles and returns
/// one cell at a time in arrival order, so the caller can schedule one event
/// per cell ignition and stop whenever it likes; `run(until:)` settles
/// everything up to a time. A move of length d in direction u costs
/// Σ d_i / R_i(u) over the cells i its ray crosses, with R_i(u) the spread
/// rate from the rear focus of cell i's ellipse, and is refused if any cell
/// crossed (or touched at a corner) cannot burn. Wind is uniform; terrain
/// and fuel vary per cell. Times are seconds from the start of the fire.
public struct FireSpread: Sendable {
  /// Surface wind driving the fire.
  public enum Wind: Sendable, Equatable {
    /// Midflame wind speed (m/min) and the azimuth it blows toward (degrees).
    case midflame(speed: Double, toward: Double)
    /// 20-ft (6.1 m) open wind speed (m/min) and azimuth toward; each fuel
    /// model's unsheltered wind adjustment factor gives its midflame wind.
    case twentyFoot(speed: Double, toward: Double)
  }

  /// One cell reaching ignition.
  public struct CellIgnition: Sendable, Equatable {
    public let row: Int
    public let column: Int
    /// Seconds from the start of the fire.
    public let time: Double

    public init(row: Int, column: Int, time: Double) {
      self.row = row
      self.column = column
      self.time = time
    }

    /// The arrival as an integer simulation time (nearest millisecond).
    public var simTime: SimTime { SimTime(seconds: time) ?? .never }
  }

  public let landscape: FireLandscape
  let stencil: FireSpreadStencil
  /// Per cell: 1 / (R (1 − e)) in s/m (infinite where the cell cannot burn)
  /// and e cos/sin(head) times it, so slowness toward u is linear in u.
  var inverseRate: [Double]
  var slownessEast: [Double]
  var slownessNorth: [Double]
  /// Per direction: flattened ray cells as linear-index offsets and lengths (m).
  let rayStart: [Int]
  let rayOffset: [Int]
  let rayLength: [Double]
  /// Per direction: target offset in rows and columns and unit vector east/north.
  let moveRow: [Int]
  let moveColumn: [Int]
  let moveEast: [Double]
  let moveNorth: [Double]
  /// Per direction: target offset as a linear index.
  let moveOffset: [Int]
  /// Per cell: the row of `uniformCost` to use when every cell within the
  /// stencil radius has the same spread rates, else -1.
  let uniformClass: [Int32]
  /// Per uniform class and direction: the travel time of the whole move (s).
  let uniformCost: [Double]
  /// Best known arrival per cell, whether it has settled, and the queue.
  var heap: FireSpreadHeap
  /// Settled cells in arrival order.
  public private(set) var ignitions: [CellIgnition] = []

  /// Prepares the spread of a fire on `landscape` with uniform moisture and wind.
  public init(
    landscape: FireLandscape, moisture: FuelMoisture, wind: Wind, windLimit: Bool = true,
    lengthToBreadthModel: SurfaceFire.LengthToBreadthModel = .anderson1983, stencilRadius: Int = 5
  ) {
    self.landscape = landscape
    stencil = FireSpreadStencil(radius: stencilRadius)
    let count = landscape.rows * landscape.columns
    inverseRate = Array(repeating: .infinity, count: count)
    slownessEast = Array(repeating: 0, count: count)
    slownessNorth = Array(repeating: 0, count: count)
    heap = FireSpreadHeap(cellCount: count)
    let beds = landscape.models.map { SurfaceFuelBed(model: $0, moisture: moisture) }
    let (speed, toward, isTwentyFoot): (Double, Double, Bool) =
      switch wind {
      case .midflame(let s, let t): (s, t, false)
      case .twentyFoot(let s, let t): (s, t, true)
      }
    func behaviour(_ k: Int, slope: Double, upslope: Double) -> SurfaceFire {
      let midflame = isTwentyFoot ? speed * landscape.models[k].unshelteredWindAdjustment : speed
      return SurfaceFire(
        bed: beds[k], midflameWind: midflame, windToward: toward, slope: slope,
        upslopeAzimuth: upslope, windLimit: windLimit, lengthToBreadthModel: lengthToBreadthModel)
    }
    let flat = landscape.models.indices.map { behaviour($0, slope: 0, upslope: 0) }
    for cell in 0..<count {
      let k = landscape.fuelIndex[cell]
      guard landscape.models[k].isBurnable, beds[k].baseSpreadRate > 0 else { continue }
      var fire = flat[k]
      if let slope = landscape.slope, let upslope = landscape.upslopeAzimuth, slope[cell] > 0 {
        fire = behaviour(k, slope: slope[cell], upslope: upslope[cell])
      }
      // Slowness toward unit vector u: (1 − e cos θ) / (R (1 − e)), in s/m.
      let inverse = 60 / (fire.headSpreadRate * (1 - fire.eccentricity))
      let head = fire.headAzimuth * .pi / 180
      inverseRate[cell] = inverse
      slownessEast[cell] = fire.eccentricity * sin(head) * inverse
      slownessNorth[cell] = fire.eccentricity * cos(head) * inverse
    }
    var starts = [0]
    var offsets: [Int] = []
    var lengths: [Double] = []
    for direction in stencil.directions {
      for piece in direction.pieces {
        offsets.append(piece.dRow * landscape.columns + piece.dColumn)
        lengths.append(piece.length * landscape.cellSize)
      }
      starts.append(offsets.count)
    }
    rayStart = starts
    rayOffset = offsets
    rayLength = lengths
    moveRow = stencil.directions.map(\.dRow)
    moveColumn = stencil.directions.map(\.dColumn)
    moveEast = stencil.directions.map(\.east)
    moveNorth = stencil.directions.map(\.north)
    moveOffset = stencil.directions.map { $0.dRow * landscape.columns + $0.dColumn }
    (uniformClass, uniformCost) = Self.uniformMoves(
      rows: landscape.rows, columns: landscape.columns, radius: stencil.radius,
      inverseRate: inverseRate, slownessEast: slownessEast, slownessNorth: slownessNorth,
      rayStart: rayStart, rayLength: rayLength, moveEast: moveEast, moveNorth: moveNorth)
  }

  /// Number of move directions in the stencil (80 for radius 5).
  public var directionCount: Int { stencil.directions.count }

  /// Ignites a cell at `time` seconds (must not precede the last settled ignition).
  public mutating func ignite(row: Int, column: Int, at time: Double = 0) throws {
    guard landscape.contains(row: row, column: column) else {
      throw HazardsError("fire ignition", "cell (\(row), \(column)) is outside the landscape")
    }
    if let last = ignitions.last, time < last.time {
      throw HazardsError(
        "fire ignition", "time \(time) s precedes settled arrivals (\(last.time) s)")
    }
    let cell = landscape.cell(row: row, column: column)
    guard inverseRate[cell].isFinite else {
      throw HazardsError("fire ignition", "cell (\(row), \(column)) cannot burn")
    }
    if time < heap.arrival(cell), !heap.isSettled(cell) { heap.lower(time: time, cell: cell) }
  }

  /// Settles and returns the next cell to ignite, or nil when the fire is out.
  public mutating func nextIgnition() -> CellIgnition? {
    guard let (time, cell) = heap.pop() else { return nil }
    relax(from: cell, at: time)
    let ignition = CellIgnition(
      row: cell / landscape.columns, column: cell % landscape.columns, time: time)
    ignitions.append(ignition)
    return ignition
  }

  /// The time of the next ignition without settling it, or nil when the fire is out.
  public mutating func peekNextTime() -> Double? { heap.peek()?.time }

  /// Settles every cell that ignites at or before `time` (or all, when nil).
  public mutating func run(until time: Double? = nil) {
    while let next = peekNextTime(), next <= (time ?? .infinity) { _ = nextIgnition() }
  }

  private mutating func relax(from cell: Int, at time: Double) {
    let rows = landscape.rows
    let columns = landscape.columns
    let row = cell / columns
    let column = cell % columns
    let uniform = Int(uniformClass[cell])
    if uniform >= 0 {
      relaxUniform(from: cell, row: row, column: column, at: time, costRow: uniform)
      return
    }
    for d in 0..<moveRow.count {
      let targetRow = row + moveRow[d]
      let targetColumn = column + moveColumn[d]
      guard targetRow >= 0, targetRow < rows, targetColumn >= 0, targetColumn < columns else {
        continue
      }
      let target = targetRow * columns + targetColumn
      if heap.isSettled(target) { continue }
      let east = moveEast[d]
      let north = moveNorth[d]
      var cost = 0.0
      for k in rayStart[d]..<rayStart[d + 1] {
        let c = cell + rayOffset[k]
        let inverse = inverseRate[c]
        if !inverse.isFinite {
          cost = .infinity
          break
        }
        cost += rayLength[k] * (inverse - slownessEast[c] * east - slownessNorth[c] * north)
      }
      heap.offer(time: time + cost, cell: target)
    }
  }
}
