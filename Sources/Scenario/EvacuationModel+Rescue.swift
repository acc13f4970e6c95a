import Evacuation
import SimKernel

/// Households a rescue team carried out of the water to a shelter.
///
/// A household trapped at home (TrappedWatch) cannot leave on the
/// evacuation's network: the water that trapped it has closed the roads
/// and paths around it. The team's boat takes it to a shelter
/// (ResponseModel+Incidents); there it joins the evacuation by the same
/// path as a fetched household (`carry`), put ashore at the shelter's
/// door, so it is admitted, counted safe, in T100 and in the headcount,
/// and uses the shelter's supplies. Whatever kept it at home is settled
/// first, so it is counted once: awaiting its warning, refusing the order
/// or waiting for help (the caller drops that help), or never ordered at
/// all (then its order is the rescue's alarm).
extension EvacuationModel {
  /// Puts rescued household `household` on the network at `node` (a
  /// shelter's) now, bound for the nearest shelter with room.
  ///
  /// - Parameters:
  ///   - household: the household, by roster index.
  ///   - node: where the team put it ashore.
  ///   - assistanceOrder: the order under which it was waiting for help,
  ///     when it was; the caller must not fetch it as well.
  ///   - alarm: when it was reported trapped; its order time if no order
  ///     reached it.
  /// - Returns: false, changing nothing, when the household is already on
  ///   the network (it was released but had not set off, or went home
  ///   from a shelter): it keeps that traveller.
  @discardableResult
  public func rescue(
    _ household: Int, landedAt node: Int, assistanceOrder: Int?, alarm: SimTime
  ) -> Bool {
    guard roster.size.indices.contains(household),
      !travellerHousehold.contains(household)
    else { return false }
    let persons = Int(roster.size[household])
    let orderTime: SimTime
    if let order = assistanceOrder, pending.indices.contains(order) {
      tally.add(.awaitingAssistance, persons: -persons)
      orderTime = pending[order].time
    } else if awaitingWarning[household] >= 0 {
      let order = Int(awaitingWarning[household])
      awaitingWarning[household] = -1
      tally.add(.awaitingWarning, persons: -persons)
      orderTime = pending[order].time
    } else if decided[household] {
      tally.add(.refused, persons: -persons)
      orderTime = firstOrder ?? alarm
    } else {
      decided[household] = true
      orderTime = alarm
    }
    carry(household, from: node, mode: .walk, orderTime: orderTime, destinations: 0)
    onEvent?(
      "evacuation.rescued",
      [
        ("household", .integer(Int64(household))),
        ("zone", .string(map.township.zones[Int(roster.zone[household])].id)),
        ("persons", .integer(Int64(persons))),
        ("node", .string(map.township.nodes[node].id)),
      ])
    return true
  }
}
