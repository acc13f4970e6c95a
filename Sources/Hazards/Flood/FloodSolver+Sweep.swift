import CFloodKernel

extension FloodSolver {
  /// New discharges on every face between two active cells, each cell's
  /// outflow limited once its four faces are known, and with `depths`,
  /// continuity one row behind; returns the wet count (0 without
  /// `depths`).
  ///
  /// Each span takes three passes: its east faces, its south faces, then
  /// the limiter. The face passes read only last step's discharges and
  /// this step's depths, so their faces are independent of each other and
  /// go four at a time. The passes are `CFloodKernel`'s loops (AVX2 where
  /// the CPU has it); this walk over the spans stays here. A span's cells
  /// have an active east neighbour but for the last; the south neighbours
  /// are active where the next row's spans lie under the span, so the
  /// south pass runs on the segments those cover. Faces to inactive cells
  /// are not written: they hold zero (or, on an open edge, the edge's
  /// discharge). Depths of a row need the
  /// limiter of the row below it (which may scale their south faces),
  /// hence the lag.
  func sweep(_ update: FaceUpdate, dt: Double, depths: Bool) -> Int {
    var runs = wetRuns
    wetRuns = []
    runs.removeAll(keepingCapacity: true)
    var deepest = 0.0
    var wet = 0
    let factor = dt / grid.cellSize
    let stride = self.stride
    let avx2 = parameters.kernel.usesAVX2
    var constants = update.kernelConstants
    var eastFaces = faceBuffers(east: true)
    var southFaces = faceBuffers(east: false)
    spans.withUnsafeBufferPointer { spans in
      let count = spans.count
      var pending = (from: 0, to: 0)
      var index = 0
      var below = 0  // first span that may lie under the current one
      while index < count {
        let row = Int(spans[index]) / stride
        let rowFrom = index
        while index < count, Int(spans[index]) / stride == row {
          let first = Int(spans[index])
          let end = Int(spans[index &+ 1])
          // The last cell's east neighbour is not active.
          cfk_faces(avx2, &constants, &eastFaces, first, end &- 1, 1, stride)
          below = max(below, index &+ 2)
          var c = first
          while c < end {
            while below < count, Int(spans[below &+ 1]) <= c &+ stride { below &+= 2 }
            let southActive = below < count && Int(spans[below]) <= c &+ stride
            let segmentEnd: Int
            if southActive {
              segmentEnd = min(end, Int(spans[below &+ 1]) &- stride)
              cfk_faces(avx2, &constants, &southFaces, c, segmentEnd, stride, 1)
            } else {
              segmentEnd = below < count ? min(end, Int(spans[below]) &- stride) : end
            }
            c = segmentEnd
          }
          // Each face is outgoing for one cell only, and a cell's test
          // reads only its own outgoing faces, so the result does not
          // depend on the order and the scaled fluxes stay conservative:
          // depths never go negative and mass closes to round-off
          // (hazards.md §1.3).
          cfk_limit_outflow(avx2, qx, qy, depth, first, end, stride, factor)
          index &+= 2
        }
        if depths, pending.to > pending.from {
          wet &+= updateDepths(
            spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
            deepest: &deepest)
        }
        pending = (rowFrom, index)
      }
      if depths, pending.to > pending.from {
        wet &+= updateDepths(
          spans: spans, from: pending.from, to: pending.to, factor: factor, runs: &runs,
          deepest: &deepest)
      }
    }
    if depths { self.deepest = deepest }
    wetRuns = runs
    return wet
  }

  /// The buffers of the east (`east`) or the south faces' update.
  ///
  /// A face joins cell c to c + step (1 east, `stride` south), and the
  /// four discharges across it are at c, c - side, c + step and
  /// c + step - side (side the other one), summed in that order.
  func faceBuffers(east: Bool) -> cfk_face_buffers {
    cfk_face_buffers(
      bed: bed, depth: depth, face_n: east ? eastRoughness : southRoughness,
      q: east ? qxPrevious : qyPrevious, across: east ? qyPrevious : qxPrevious,
      out: east ? qx : qy)
  }
}
