import Evacuation
import Hazards
import SimKernel

/// Households the water traps at home: where the flood first gets deeper
/// than `FloodThresholds.trappedDepth` at a household still at home, the
/// household raises a water-rescue incident (`trapped`) at its node.
///
/// Default depth 0.5 m: the reference closes a road to walkers above
/// 0.5 m for children and the elderly (reference/evacuation.md, "suggested
/// default"; DESIGN.md §4), so someone still at home in deeper water can no
/// longer wade out on their own. At home means not set off: never
/// released, waiting for a warning, for help or for its departure time,
/// or refusing. The watch is a threshold event per grid cell, not a poll
/// of every household: each flood step reads the depth of the cells that
/// hold households, and only a cell that has just crossed the depth looks
/// at its households, in roster order. A household is raised once per
/// run; a cell that dries and floods again raises those still at home
/// that were not raised before.
public final class TrappedWatch {
  let flood: FloodModel
  unowned(unsafe) let evacuation: EvacuationModel
  /// Cells that hold households: (column, row) and their households in
  /// roster order; in the order their first household appears.
  let cells: [(col: Int, row: Int, households: [Int])]
  /// Per cell: deeper than `depth` at the last step.
  var deep: [Bool]
  /// Per household: raised already.
  var raised: [Bool]

  public init(flood: FloodModel, evacuation: EvacuationModel) {
    self.flood = flood
    self.evacuation = evacuation
    let grid = flood.solver.grid
    let roster = evacuation.roster
    var slot: [Int: Int] = [:]
    var list: [(col: Int, row: Int, households: [Int])] = []
    for household in 0..<roster.count {
      let point = roster.position(of: household)
      guard let cell = grid.cell(atX: point.x, y: point.y) else { continue }
      let key = cell.row * grid.ncols + cell.col
      if let k = slot[key] {
        list[k].households.append(household)
      } else {
        slot[key] = list.count
        list.append((cell.col, cell.row, [household]))
      }
    }
    cells = list
    deep = [Bool](repeating: false, count: list.count)
    raised = [Bool](repeating: false, count: roster.count)
  }

  /// The households trapped since the last check, in roster order.
  public func check() -> [Int] {
    let depth = flood.thresholds.trappedDepth
    var crossed: [Int] = []
    for (k, cell) in cells.enumerated() {
      let now = flood.solver.depth(col: cell.col, row: cell.row) > depth
      if now, !deep[k] { crossed.append(k) }
      deep[k] = now
    }
    guard !crossed.isEmpty else { return [] }
    var trapped: [Int] = []
    for k in crossed {
      for household in cells[k].households
      where !raised[household] && evacuation.isAtHome(household: household) {
        raised[household] = true
        trapped.append(household)
      }
    }
    return trapped.sorted()
  }
}
