import CFloodKernel

extension FloodSolver {
  /// Continuity for the cells of `spans[from..<to]` (pairs), recording
  /// their wet runs; returns how many of them are wet.
  ///
  /// A cell's depth changes by the net discharge through its four faces.
  /// A cell deeper than the depth threshold is wet. Runs of wet cells go
  /// to `runs` in memory order, so the next spans follow from them
  /// without a sort of cells. `CFloodKernel`'s loop does a span's cells
  /// four at a time (the same arithmetic per lane as one at a time); a
  /// group that is all wet or all dry only extends or leaves the current
  /// run, so only a group with both looks at its cells one by one. It
  /// writes a span's runs to `runScratch`, which holds a row's.
  @inline(__always) func updateDepths(
    spans: UnsafeBufferPointer<Int32>, from: Int, to: Int, factor: Double,
    runs: inout [Int32], deepest: inout Double
  ) -> Int {
    let avx2 = parameters.kernel.usesAVX2
    let threshold = parameters.depthThreshold
    var wet = 0
    var index = from
    while index < to {
      var entries = 0
      wet &+= cfk_update_depths(
        avx2, depth, qx, qy, maxDepth, Int(spans[index]), Int(spans[index &+ 1]), stride,
        factor, threshold, runScratch, &entries, &deepest)
      if entries > 0 {
        runs.append(contentsOf: UnsafeBufferPointer(start: runScratch, count: entries))
      }
      index &+= 2
    }
    return wet
  }

  /// Continuity on every cell of the grid (after rain, which wets cells
  /// outside the spans); returns how many cells are wet.
  func updateAllDepths(dt: Double) -> Int {
    var runs = wetRuns
    wetRuns = []
    runs.removeAll(keepingCapacity: true)
    var deepest = 0.0
    let rows = wholeGridSpans()
    let wet = rows.withUnsafeBufferPointer {
      updateDepths(
        spans: $0, from: 0, to: $0.count, factor: dt / grid.cellSize, runs: &runs,
        deepest: &deepest)
    }
    self.deepest = deepest
    wetRuns = runs
    return wet
  }

  /// One span per row over every cell.
  func wholeGridSpans() -> [Int32] {
    var rows: [Int32] = []
    rows.reserveCapacity(2 * grid.nrows)
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      rows.append(Int32(truncatingIfNeeded: start))
      rows.append(Int32(truncatingIfNeeded: start + grid.ncols))
    }
    return rows
  }

  /// Makes the next spans from the wet runs: every wet cell, its four
  /// neighbours and the pinned cells; clears the faces of cells that left.
  ///
  /// A face joins the update only between two active cells, and a cell
  /// that leaves has its faces zeroed, which is what a whole-grid sweep
  /// would compute at the next step for a face between two cells that are
  /// not wet: so the spans give the same bits as the whole grid. The
  /// intervals (a run widened by one cell, and the run shifted a row up and
  /// a row down) are sorted and merged, at a cost that follows the number
  /// of runs, not of cells. The whole-grid sweep keeps its one span per row.
  func finishSpans() {
    guard parameters.wetCellList else { return }
    var list = intervals
    intervals = []
    list.removeAll(keepingCapacity: true)
    let stride = self.stride
    let ncols = grid.ncols
    let lastRowStart = padded(col: 0, row: grid.nrows - 1)
    var index = 0
    while index < wetRuns.count {
      let first = Int(wetRuns[index])
      let end = Int(wetRuns[index + 1])
      index += 2
      let rowStart = (first / stride) * stride + 1
      let widened = (max(first - 1, rowStart), min(end + 1, rowStart + ncols))
      list.append(Int64(widened.0) << 32 | Int64(widened.1))
      if rowStart > stride + 1 { list.append(Int64(first - stride) << 32 | Int64(end - stride)) }
      if rowStart < lastRowStart { list.append(Int64(first + stride) << 32 | Int64(end + stride)) }
    }
    for cell in pinned { list.append(Int64(cell) << 32 | Int64(cell + 1)) }
    list.sort()
    var next: [Int32] = []
    next.reserveCapacity(list.count * 2)
    var count = 0
    for packed in list {
      let first = Int32(truncatingIfNeeded: packed >> 32)
      let end = Int32(truncatingIfNeeded: packed)
      if let last = next.last, first <= last {
        if end > last {
          count += Int(end - last)
          next[next.count - 1] = end
        }
      } else {
        next.append(first)
        next.append(end)
        count += Int(end - first)
      }
    }
    intervals = list
    clearLeftFaces(old: spans, new: next)
    spans = next
    activeCount = count
  }

  /// Zeroes the faces of the cells that left at the last rebuild, and of
  /// those leaving now (in `old` but not in `new`), in the buffer the next
  /// step writes.
  ///
  /// A cell that left keeps its faces' last values one more step, as old
  /// discharges its neighbours read; they are cleared in the buffer the
  /// next step writes, and a step later in the other one.
  func clearLeftFaces(old: [Int32], new: [Int32]) {
    let clear = qxPrevious
    let clearY = qyPrevious
    let stride = self.stride
    func zero(_ pairs: [Int32]) {
      var index = 0
      while index < pairs.count {
        for c in Int(pairs[index])..<Int(pairs[index + 1]) {
          clear[c] = 0
          clear[c - 1] = 0
          clearY[c] = 0
          clearY[c - stride] = 0
        }
        index += 2
      }
    }
    zero(leftSpans)
    // old minus new, span by span: both are sorted and disjoint.
    var left: [Int32] = []
    var j = 0
    var index = 0
    while index < old.count {
      var first = old[index]
      let end = old[index + 1]
      index += 2
      while j < new.count, new[j + 1] <= first { j += 2 }
      var k = j
      while first < end {
        guard k < new.count, new[k] < end else {
          left.append(first)
          left.append(end)
          break
        }
        if new[k] > first {
          left.append(first)
          left.append(new[k])
        }
        first = max(first, new[k + 1])
        k += 2
      }
    }
    zero(left)
    leftSpans = left
  }

  /// Rebuilds the spans from every cell's depth: after the depths, the
  /// inflows or the boundaries changed outside a step.
  func rebuildActiveCells() {
    let threshold = parameters.depthThreshold
    var deepest = 0.0
    var runs: [Int32] = []
    for row in 0..<grid.nrows {
      let start = padded(col: 0, row: row)
      var runStart = -1
      for c in start..<(start + grid.ncols) {
        if depth[c] > threshold {
          deepest = max(deepest, depth[c])
          if runStart < 0 { runStart = c }
        } else if runStart >= 0 {
          runs.append(Int32(truncatingIfNeeded: runStart))
          runs.append(Int32(truncatingIfNeeded: c))
          runStart = -1
        }
      }
      if runStart >= 0 {
        runs.append(Int32(truncatingIfNeeded: runStart))
        runs.append(Int32(truncatingIfNeeded: start + grid.ncols))
      }
    }
    self.deepest = deepest
    wetRuns = runs
    guard parameters.wetCellList else {
      spans = wholeGridSpans()
      activeCount = grid.ncols * grid.nrows
      return
    }
    finishSpans()
  }
}
