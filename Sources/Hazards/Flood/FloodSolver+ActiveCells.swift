/// The stamp ghost cells carry: never a generation, so never active.
let floodGhostStamp = UInt32.max

extension FloodSolver {
  /// Continuity for the step, fused with building the next active list.
  ///
  /// A cell's depth changes by the net discharge through its four faces.
  /// A cell deeper than the depth threshold is wet; the next list holds
  /// every wet cell, its four neighbours and the pinned cells. A face joins
  /// the update only between two active cells, and a cell that leaves the
  /// list has its faces zeroed, which is what a whole-grid sweep would
  /// compute at the next step for a face between two cells that are not
  /// wet: so the list gives the same bits as the whole grid. With `sweepAll` (after rain)
  /// every cell is visited.
  func updateDepths(dt: Double, sweepAll: Bool) {
    let stride = self.stride
    let h = depth
    let qx = self.qx
    let qy = self.qy
    let deepestCell = maxDepth
    let power = frictionPower
    let factor = dt / grid.cellSize
    let threshold = parameters.depthThreshold
    var deepest = 0.0
    guard parameters.wetCellList else {
      for index in 0..<activeCount {
        let c = Int(active[index])
        let change = factor * (qx[c - 1] - qx[c] + qy[c - stride] - qy[c])
        let value = max(h[c] + change, 0)
        h[c] = value
        if value > deepestCell[c] { deepestCell[c] = value }
        if value > threshold {
          power[c] = floodFrictionPower(value)
          if value > deepest { deepest = value }
        }
      }
      self.deepest = deepest
      return
    }
    let stamp = self.stamp
    let generation = nextGeneration()
    let next = nextActive
    let wet = powerDue
    var wetCount = 0
    var count = 0
    @inline(__always) func visit(_ c: Int) {
      let change = factor * (qx[c - 1] - qx[c] + qy[c - stride] - qy[c])
      let value = max(h[c] + change, 0)
      h[c] = value
      if value > deepestCell[c] { deepestCell[c] = value }
      guard value > threshold else { return }
      wet[wetCount] = Int32(truncatingIfNeeded: c)
      wetCount += 1
      if value > deepest { deepest = value }
      include(c - stride)
      include(c - 1)
      include(c)
      include(c + 1)
      include(c + stride)
    }
    @inline(__always) func include(_ cell: Int) {
      let mark = stamp[cell]
      if mark != generation, mark != floodGhostStamp {
        stamp[cell] = generation
        next[count] = Int32(truncatingIfNeeded: cell)
        count += 1
      }
    }
    if sweepAll {
      for row in 0..<grid.nrows {
        let start = padded(col: 0, row: row)
        for c in start..<(start + grid.ncols) { visit(c) }
      }
    } else {
      for index in 0..<activeCount { visit(Int(active[index])) }
    }
    self.deepest = deepest
    updateFrictionPowers(count: wetCount)
    finishList(generation: generation, count: count)
  }

  /// Recomputes depth^(7/3) of the first `count` cells of `powerDue`.
  ///
  /// A pass of its own, two cells at a time: inside the depth loop each cube
  /// root's two dependent divisions stalled the list building (a third of the
  /// step in the profile); here the roots are independent and pair into
  /// SIMD lanes. Lane arithmetic is the scalar IEEE arithmetic, so the bits
  /// are those of `floodFrictionPower`.
  func updateFrictionPowers(count: Int) {
    let h = depth
    let power = frictionPower
    let wet = powerDue
    var index = 0
    while index + 1 < count {
      let a = Int(wet[index])
      let b = Int(wet[index + 1])
      let pair = floodFrictionPower(SIMD2(h[a], h[b]))
      power[a] = pair[0]
      power[b] = pair[1]
      index += 2
    }
    if index < count {
      let c = Int(wet[index])
      power[c] = floodFrictionPower(h[c])
    }
  }

  /// Adds the pinned cells to the list being built, clears the faces of
  /// cells that left, and makes the new list current.
  func finishList(generation: UInt32, count built: Int) {
    var count = built
    for cell in pinned where stamp[Int(cell)] != generation {
      stamp[Int(cell)] = generation
      nextActive[count] = cell
      count += 1
    }
    // A cell that left keeps its faces' last values one more step, as old
    // discharges its neighbours read; they are cleared in the buffer the
    // next step writes, and a step later in the other one.
    let clear = qxPrevious
    let clearY = qyPrevious
    for index in 0..<leftCount {
      let c = Int(left[index])
      clear[c] = 0
      clear[c - 1] = 0
      clearY[c] = 0
      clearY[c - stride] = 0
    }
    leftCount = 0
    for index in 0..<activeCount {
      let c = Int(active[index])
      if stamp[c] == generation { continue }
      clear[c] = 0
      clear[c - 1] = 0
      clearY[c] = 0
      clearY[c - stride] = 0
      left[leftCount] = Int32(truncatingIfNeeded: c)
      leftCount += 1
    }
    swap(&active, &nextActive)
    activeCount = count
    self.generation = generation
    stepsSinceSort += 1
    if stepsSinceSort >= 32 {
      stepsSinceSort = 0
      var sorted = UnsafeMutableBufferPointer(start: active, count: activeCount)
      sorted.sort()
    }
  }

  /// The next generation stamp, resetting the stamps when they would wrap.
  func nextGeneration() -> UInt32 {
    var next = generation &+ 1
    if next == floodGhostStamp || next == 0 {
      for row in 0..<grid.nrows {
        let start = padded(col: 0, row: row)
        for c in start..<(start + grid.ncols) { stamp[c] = 0 }
      }
      for index in 0..<activeCount { stamp[Int(active[index])] = 1 }
      generation = 1
      next = 2
    }
    return next
  }

  /// Rebuilds the active list from every cell's depth: after the depths,
  /// the inflows or the boundaries changed outside a step.
  func rebuildActiveCells() {
    let threshold = parameters.depthThreshold
    var deepest = 0.0
    guard parameters.wetCellList else {
      var count = 0
      for row in 0..<grid.nrows {
        let start = padded(col: 0, row: row)
        for c in start..<(start + grid.ncols) {
          stamp[c] = generation
          active[count] = Int32(truncatingIfNeeded: c)
          count += 1
          if depth[c] > threshold {
            deepest = max(deepest, depth[c])
            frictionPower[c] = floodFrictionPower(depth[c])
          }
        }
      }
      activeCount = count
      self.deepest = deepest
      return
    }
    let generation = nextGeneration()
    var count = 0
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      for c in start..<(start + grid.ncols) where depth[c] > threshold {
        deepest = max(deepest, depth[c])
        frictionPower[c] = floodFrictionPower(depth[c])
        for neighbour in [c - stride, c - 1, c, c + 1, c + stride] {
          let mark = stamp[neighbour]
          if mark != generation, mark != floodGhostStamp {
            stamp[neighbour] = generation
            nextActive[count] = Int32(truncatingIfNeeded: neighbour)
            count += 1
          }
        }
      }
    }
    self.deepest = deepest
    finishList(generation: generation, count: count)
    var sorted = UnsafeMutableBufferPointer(start: active, count: activeCount)
    sorted.sort()
  }

  /// Stamps the ghost ring so it never joins the active list.
  func markGhosts() {
    for c in 0..<paddedCount { stamp[c] = floodGhostStamp }
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      for c in start..<(start + grid.ncols) { stamp[c] = 0 }
    }
  }
}
