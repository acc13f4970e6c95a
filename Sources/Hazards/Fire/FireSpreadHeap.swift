/// A binary min-heap of tentative cell arrivals for `FireSpread`.
///
/// Ties in time break on the cell index, so the order cells settle in is
/// fully determined by the inputs (no dependence on insertion history).
struct FireSpreadHeap: Sendable {
  private var times: [Double] = []
  private var cells: [Int] = []

  var isEmpty: Bool { times.isEmpty }

  private func less(_ i: Int, _ j: Int) -> Bool {
    times[i] < times[j] || (times[i] == times[j] && cells[i] < cells[j])
  }

  private mutating func swapAt(_ i: Int, _ j: Int) {
    times.swapAt(i, j)
    cells.swapAt(i, j)
  }

  mutating func push(time: Double, cell: Int) {
    times.append(time)
    cells.append(cell)
    var child = times.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard less(child, parent) else { break }
      swapAt(child, parent)
      child = parent
    }
  }

  func peek() -> (Double, Int)? { times.isEmpty ? nil : (times[0], cells[0]) }

  mutating func pop() -> (Double, Int)? {
    guard let top = peek() else { return nil }
    let last = times.count - 1
    swapAt(0, last)
    times.removeLast()
    cells.removeLast()
    var parent = 0
    let count = times.count
    while true {
      let left = 2 * parent + 1
      if left >= count { break }
      let right = left + 1
      let child = right < count && less(right, left) ? right : left
      guard less(child, parent) else { break }
      swapAt(child, parent)
      parent = child
    }
    return top
  }
}
