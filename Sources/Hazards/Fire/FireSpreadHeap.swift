/// An indexed 4-ary min-heap of tentative cell arrivals for `FireSpread`,
/// holding each cell's best known arrival time.
///
/// Each cell is in the heap at most once and an improvement lowers its key
/// in place, so no stale entries are popped and skipped (the lazy binary
/// heap this replaced pushed every improvement and spent a quarter of the
/// search popping). Four children per node halve the depth. Ties in time
/// break on the cell index, a total order on the entries, so the order cells
/// settle in is fully determined by the inputs and equals the old heap's.
/// Times and cells sit in parallel arrays; the sifts move a hole instead of
/// swapping. Each cell's best time, heap position and settled mark share one
/// 16-byte slot, so relaxing a move touches one cache line per target: the
/// profile put most of the search in those scattered loads.
struct FireSpreadHeap: Sendable {
  /// One cell's state.
  struct Slot: Sendable {
    /// Best known arrival (seconds), infinity if none.
    var time: Double
    /// Index in the heap, or `unqueued` or `settled`.
    var position: Int32
  }

  private static let unqueued: Int32 = -1
  private static let settled: Int32 = -2
  private var slots: [Slot]
  private var times: [Double] = []
  private var cells: [Int32] = []

  /// An empty heap over `cellCount` cells with no arrivals known.
  init(cellCount: Int) {
    slots = Array(repeating: Slot(time: .infinity, position: Self.unqueued), count: cellCount)
  }

  /// Best known arrival of a cell (final once settled), infinity if none.
  func arrival(_ cell: Int) -> Double { slots[cell].time }

  /// Whether a cell has been popped, so that its arrival is final.
  func isSettled(_ cell: Int) -> Bool { slots[cell].position == Self.settled }

  /// Every cell's arrival, or nil where not settled.
  var settledArrivals: [Double?] {
    slots.map { $0.position == Self.settled ? $0.time : nil }
  }

  var isEmpty: Bool { times.isEmpty }

  func peek() -> (time: Double, cell: Int)? {
    times.isEmpty ? nil : (times[0], Int(cells[0]))
  }

  /// Lowers `cell`'s arrival to `time` if that is earlier, queueing it.
  ///
  /// Settled cells are never offered an earlier time than their own (moves
  /// cost a positive time and cells settle in time order), so the check
  /// also keeps settled cells out of the heap.
  @inline(__always)
  mutating func offer(time: Double, cell: Int) {
    if time < slots[cell].time { lower(time: time, cell: cell) }
  }

  /// Sets `cell`'s arrival to `time` (earlier than the known one) and sifts it up.
  mutating func lower(time: Double, cell: Int) {
    slots[cell].time = time
    var hole = Int(slots[cell].position)
    if hole < 0 {
      times.append(time)
      cells.append(Int32(truncatingIfNeeded: cell))
      hole = times.count - 1
    }
    let key = Int32(truncatingIfNeeded: cell)
    times.withUnsafeMutableBufferPointer { times in
      cells.withUnsafeMutableBufferPointer { cells in
        slots.withUnsafeMutableBufferPointer { slots in
          while hole > 0 {
            let parent = (hole - 1) >> 2
            let parentTime = times[parent]
            guard time < parentTime || (time == parentTime && key < cells[parent]) else { break }
            times[hole] = parentTime
            cells[hole] = cells[parent]
            slots[Int(cells[hole])].position = Int32(truncatingIfNeeded: hole)
            hole = parent
          }
          times[hole] = time
          cells[hole] = key
          slots[cell].position = Int32(truncatingIfNeeded: hole)
        }
      }
    }
  }

  /// Removes the earliest entry (ties: lowest cell), marks it settled and returns it.
  mutating func pop() -> (time: Double, cell: Int)? {
    guard let top = peek() else { return nil }
    slots[top.cell].position = Self.settled
    let lastTime = times.removeLast()
    let lastCell = cells.removeLast()
    let count = times.count
    guard count > 0 else { return top }
    times.withUnsafeMutableBufferPointer { times in
      cells.withUnsafeMutableBufferPointer { cells in
        slots.withUnsafeMutableBufferPointer { slots in
          var hole = 0
          while true {
            let first = 4 * hole + 1
            if first >= count { break }
            var best = first
            var bestTime = times[first]
            var bestCell = cells[first]
            for child in (first + 1)..<min(first + 4, count) {
              let t = times[child]
              if t < bestTime || (t == bestTime && cells[child] < bestCell) {
                best = child
                bestTime = t
                bestCell = cells[child]
              }
            }
            guard bestTime < lastTime || (bestTime == lastTime && bestCell < lastCell) else {
              break
            }
            times[hole] = bestTime
            cells[hole] = bestCell
            slots[Int(bestCell)].position = Int32(truncatingIfNeeded: hole)
            hole = best
          }
          times[hole] = lastTime
          cells[hole] = lastCell
          slots[Int(lastCell)].position = Int32(truncatingIfNeeded: hole)
        }
      }
    }
    return top
  }
}
