import Evacuation
import SimKernel

/// The all-clear (解除): zones whose danger is over send their households
/// home.
///
/// Households of the zones that are in a shelter leave for home now, on
/// the live network (one whose way home is cut stays and is counted);
/// those still on their way go home once admitted; those that have not
/// set off, or still wait for their warning, stay home; those at home
/// after a return trip stay there. All of them stay home for good.
/// Clearance times are not changed: they measure the first arrival at a
/// shelter.
extension EvacuationModel {
  /// Gives the zones (indices) the all-clear now; returns the households
  /// and persons sent or kept home.
  @discardableResult
  public func allClear(zones: [Int]) -> (households: Int, persons: Int) {
    var inZones = [Bool](repeating: false, count: map.township.zones.count)
    for zone in zones { inZones[zone] = true }
    var made = (households: 0, persons: 0)
    for t in 0..<network.travellerCount {
      let household = travellerHousehold[t]
      guard inZones[Int(roster.zone[household])], network.sendHome(t) else { continue }
      made.households += 1
      made.persons += Int(roster.size[household])
    }
    for household in 0..<roster.count
    where awaitingWarning[household] >= 0 && inZones[Int(roster.zone[household])] {
      awaitingWarning[household] = -1
      tally.add(.awaitingWarning, persons: -Int(roster.size[household]))
      made.households += 1
      made.persons += Int(roster.size[household])
    }
    clearedHouseholds += made.households
    onEvent?(
      "evacuation.all_clear",
      [
        ("zones", .string(zones.map { map.township.zones[$0].id }.joined(separator: ","))),
        ("households", .integer(Int64(made.households))),
        ("persons", .integer(Int64(made.persons))),
      ])
    return made
  }
}
