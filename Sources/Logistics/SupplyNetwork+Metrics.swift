import SimKernel

/// Supply metrics for summary.json, as flat dotted names.
extension SupplyNetwork {
  /// The 10-hour basic-needs target (14th five-year plan): every occupied
  /// shelter has all it consumes within this many seconds of its first
  /// occupant.
  public static let basicNeedsTarget = 36_000.0

  /// The metrics at `time` (normally the end of the run), in a fixed order.
  ///
  /// `supply.shortfall_person_h` sums, over shelters and items, the
  /// person-hours that found the item out of stock. `supply.<site>.<item>.runout_s`
  /// is the first run-out of each item a site ran out of. The basic-needs
  /// time of a shelter that never had everything counts up to `time`.
  /// `supply.deliveries_failed` counts deliveries whose every road on was
  /// cut under the truck (it turned back); `supply.reroutes` the detours
  /// trucks took round links that closed ahead of them, and
  /// `supply.reroute_delay_s` the seconds those detours added.
  public func metrics(at time: SimTime) -> [(name: String, value: Double)] {
    var result: [(String, Double)] = []
    var shortfall = 0.0
    var demanded = [Double](repeating: 0, count: SupplyItem.allCases.count)
    var delivered = [Double](repeating: 0, count: SupplyItem.allCases.count)
    var worstNeeds = 0.0
    for site in sites {
      for item in SupplyItem.allCases {
        var line = site.lines[item.slot]
        line.settle(at: time)
        if site.kind == .shelter {
          shortfall += line.shortfallPersonHours
          demanded[item.slot] += line.demanded
          delivered[item.slot] += line.delivered
        }
        if let out = line.firstRunOut {
          result.append(("supply.\(site.id).\(item.rawValue).runout_s", out.seconds))
        }
      }
      if let occupied = site.occupiedSince {
        let met = site.needsMetSince ?? time
        worstNeeds = max(worstNeeds, (met - occupied).seconds)
      }
    }
    for item in SupplyItem.allCases where demanded[item.slot] > 0 || delivered[item.slot] > 0 {
      result.append(("supply.\(item.rawValue).demanded", demanded[item.slot]))
      result.append(("supply.\(item.rawValue).delivered", delivered[item.slot]))
    }
    let pass = sites.allSatisfy { site in
      guard let occupied = site.occupiedSince else { return true }
      guard let met = site.needsMetSince else { return false }
      return (met - occupied).seconds <= SupplyNetwork.basicNeedsTarget
    }
    result.append(("supply.shortfall_person_h", shortfall))
    result.append(("supply.basic_needs_s", worstNeeds))
    result.append(("supply.basic_needs_10h", pass ? 1 : 0))
    result.append(("supply.deliveries", Double(deliveries.count)))
    result.append(("supply.deliveries_blocked", Double(deliveries.filter(\.blocked).count)))
    result.append(
      ("supply.deliveries_failed", Double(deliveries.filter { $0.failure != nil }.count)))
    result.append(("supply.reroutes", Double(deliveries.reduce(0) { $0 + $1.reroutes })))
    result.append(("supply.reroute_delay_s", deliveries.reduce(0) { $0 + $1.rerouteDelay }))
    return result
  }
}
