/// The fast path of the search: moves from cells whose whole stencil lies in
/// uniform fuel, terrain and wind.
///
/// There every ray crosses cells with identical spread rates, so a move's
/// travel time depends only on its direction. It is summed once per distinct
/// set of rates, piece by piece in the ray's order exactly as the general
/// walk sums it, so arrival times are bit-identical to walking the ray, and
/// relaxing such a cell is 80 additions and compares instead of ~600 piece
/// evaluations. Landscapes with per-cell slope simply have few such cells.
extension FireSpread {
  /// The spread rates of a cell, compared bit for bit.
  private struct Rates: Hashable {
    let inverse: UInt64
    let east: UInt64
    let north: UInt64
  }

  /// Per cell the uniform class (or -1), and per class the cost of every move.
  ///
  /// A cell qualifies when every cell of the (2r + 1)² box around it that
  /// lies in the raster has its rates (rays never leave that box, and a ray
  /// leaving the raster has its target outside too) and when every move
  /// from it costs a positive time, which keeps settled cells out of the
  /// heap without checking them.
  static func uniformMoves(
    rows: Int, columns: Int, radius: Int, inverseRate: [Double], slownessEast: [Double],
    slownessNorth: [Double], rayStart: [Int], rayLength: [Double], moveEast: [Double],
    moveNorth: [Double]
  ) -> (uniformClass: [Int32], uniformCost: [Double]) {
    let count = rows * columns
    var classOf = [Int32](repeating: -1, count: count)
    var classes: [Rates: Int32] = [:]
    var representative: [Int] = []
    for cell in 0..<count where inverseRate[cell].isFinite {
      let key = Rates(
        inverse: inverseRate[cell].bitPattern, east: slownessEast[cell].bitPattern,
        north: slownessNorth[cell].bitPattern)
      if let known = classes[key] {
        classOf[cell] = known
      } else {
        let new = Int32(representative.count)
        classes[key] = new
        representative.append(cell)
        classOf[cell] = new
      }
    }
    // Box minimum and maximum of the class, separably: along rows, then columns.
    var rowLow = classOf
    var rowHigh = classOf
    for row in 0..<rows {
      for column in 0..<columns {
        var low = Int32.max
        var high = Int32.min
        for c in max(0, column - radius)...min(columns - 1, column + radius) {
          let k = classOf[row * columns + c]
          low = min(low, k)
          high = max(high, k)
        }
        rowLow[row * columns + column] = low
        rowHigh[row * columns + column] = high
      }
    }
    var uniform = [Int32](repeating: -1, count: count)
    var used = [Int32](repeating: -1, count: representative.count)
    var usedRepresentative: [Int] = []
    for row in 0..<rows {
      for column in 0..<columns {
        let cell = row * columns + column
        guard classOf[cell] >= 0 else { continue }
        var low = Int32.max
        var high = Int32.min
        for r in max(0, row - radius)...min(rows - 1, row + radius) {
          low = min(low, rowLow[r * columns + column])
          high = max(high, rowHigh[r * columns + column])
        }
        guard low == high else { continue }
        let k = Int(classOf[cell])
        if used[k] < 0 {
          used[k] = Int32(usedRepresentative.count)
          usedRepresentative.append(representative[k])
        }
        uniform[cell] = used[k]
      }
    }
    let directions = moveEast.count
    var costs: [Double] = []
    costs.reserveCapacity(usedRepresentative.count * directions)
    var positive: [Bool] = []
    for cell in usedRepresentative {
      var allPositive = true
      for d in 0..<directions {
        let east = moveEast[d]
        let north = moveNorth[d]
        var cost = 0.0
        for k in rayStart[d]..<rayStart[d + 1] {
          cost +=
            rayLength[k]
            * (inverseRate[cell] - slownessEast[cell] * east
              - slownessNorth[cell] * north)
        }
        allPositive = allPositive && cost > 0
        costs.append(cost)
      }
      positive.append(allPositive)
    }
    for cell in 0..<count where uniform[cell] >= 0 && !positive[Int(uniform[cell])] {
      uniform[cell] = -1
    }
    return (uniform, costs)
  }

  /// Relaxes every move from a settled cell whose stencil is uniform.
  mutating func relaxUniform(
    from cell: Int, row: Int, column: Int, at time: Double, costRow: Int
  ) {
    let directions = moveOffset.count
    let base = costRow * directions
    let radius = stencil.radius
    let costs = uniformCost
    let offsets = moveOffset
    if row >= radius, row < landscape.rows - radius, column >= radius,
      column < landscape.columns - radius
    {
      costs.withUnsafeBufferPointer { costs in
        offsets.withUnsafeBufferPointer { offsets in
          for d in 0..<directions {
            heap.offer(time: time + costs[base + d], cell: cell + offsets[d])
          }
        }
      }
      return
    }
    for d in 0..<directions {
      let targetRow = row + moveRow[d]
      let targetColumn = column + moveColumn[d]
      guard targetRow >= 0, targetRow < landscape.rows, targetColumn >= 0,
        targetColumn < landscape.columns
      else { continue }
      heap.offer(time: time + costs[base + d], cell: cell + offsets[d])
    }
  }
}
