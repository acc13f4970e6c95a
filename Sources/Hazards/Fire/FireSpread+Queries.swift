/// Reading the settled part of a fire: arrival times per cell and burned area.
///
/// Only settled cells have final times; a query beyond the last settled
/// ignition sees the fire as it stands, so call `run(until:)` first.
extension FireSpread {
  /// Arrival time (seconds) of a settled cell, or nil if it has not (yet) burned.
  public func arrivalTime(row: Int, column: Int) -> Double? {
    guard landscape.contains(row: row, column: column) else { return nil }
    let cell = landscape.cell(row: row, column: column)
    return heap.isSettled(cell) ? heap.arrival(cell) : nil
  }

  /// Arrival times of all cells, row-major; nil = not burned (never, once
  /// the fire has been run to the end).
  public var arrivalTimes: [Double?] {
    heap.settledArrivals
  }

  /// Time of the last settled ignition, or nil before the first.
  public var settledUntil: Double? { ignitions.last?.time }

  /// Burned area (m²) at `time`: settled cells whose arrival is at or before it.
  public func burnedArea(at time: Double) -> Double {
    // Ignitions are in non-decreasing time order: binary search the count.
    var low = 0
    var high = ignitions.count
    while low < high {
      let mid = (low + high) / 2
      if ignitions[mid].time <= time { low = mid + 1 } else { high = mid }
    }
    return Double(low) * landscape.cellSize * landscape.cellSize
  }
}
