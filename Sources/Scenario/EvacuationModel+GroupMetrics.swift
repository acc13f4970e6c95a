import Evacuation
import SimKernel

/// Clearance per population group and the households that went home again.
extension EvacuationModel {
  /// Records clearance per population group and the return counts.
  ///
  /// Group names start with `group.`, not `evacuation.`: sweep reports
  /// read `evacuation.<x>.t100_s` as the clearance of zone x.
  /// `group.<group>.t50_s` ... for each group that has
  /// travellers, by each household's lead group (the one that sets its
  /// pre-movement: an institution or party, else its slowest members);
  /// then the return counts: `evacuation.returned` (persons who left a
  /// shelter for home), `returned_households`, `returned_exposed`
  /// (persons of those found in hazard after leaving), `return_blocked`
  /// and `return_diverted` (households whose way home was cut at the
  /// shelter or on the way), `came_back` (households back on their way to
  /// a shelter after their dwell at home) and `all_clear_households`.
  func recordGroupsAndReturns(into metrics: inout MetricSeries, at now: SimTime) {
    var lead = [Int](repeating: 0, count: network.travellerCount)
    var present = [Bool](repeating: false, count: PopulationGroup.allCases.count)
    for t in lead.indices {
      lead[t] = roster.groups[travellerHousehold[t]].lead.rawValue
      present[lead[t]] = true
    }
    for group in PopulationGroup.allCases where present[group.rawValue] {
      let times = network.travellerClearance { lead[$0] == group.rawValue }
      record(times, prefix: "group.\(group.name)", into: &metrics, at: now)
    }
    let counts: [(String, Int)] = [
      ("returned", network.personsReturned), ("returned_households", network.householdsReturned),
      ("returned_exposed", returnedExposedPersons), ("return_blocked", network.returnsBlocked),
      ("return_diverted", network.returnsDiverted), ("came_back", network.cameBack),
      ("all_clear_households", clearedHouseholds),
    ]
    for (name, value) in counts {
      metrics.record("evacuation.\(name)", Double(value), at: now)
    }
  }
}
