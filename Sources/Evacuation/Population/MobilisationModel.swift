import SimKernel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When households leave: pre-movement per group, shadow evacuation and
/// return home.
///
/// A household in an ordered zone that complies and was warned leaves at
/// its first warning plus a pre-movement delay drawn for its lead group.
/// Outside the ordered zones a share `shadowShare` leaves anyway (自发转移),
/// counting from its own warning if a channel reached it, else from the
/// order plus `shadowNoticeDelay`. A share `returnShare` of those who leave
/// set off home again `returnDelay` after reaching a shelter; of those, a
/// share `returnStayShare` stays home and the others set off for a shelter
/// again after `returnDwell` at home.
///
/// Defaults: the lognormal shape σ = 0.967 of NIST TN 1822 test 1.1 with
/// medians per group chosen so that about 90 % of a village's residents
/// leave within 20 min of the warning, the scale of the drill reports in
/// drill-domain.md §1.3 (108 people within 10 min; everyone within 20 to
/// 30 min). The medians are assumptions to be fitted per township; the
/// NIST presets (`PremovementDistribution.nistLognormal` ...) are the
/// fire-context alternatives.
public struct MobilisationModel: Sendable, Equatable {
  /// Pre-movement delay per lead group.
  public var premovement: PerGroup<PremovementDistribution>
  /// Share of households outside the ordered zones that leave anyway: 0.2.
  ///
  /// The NUREG/CR-7002 ETE assumption for the shadow region (evacuation.md
  /// §3.3). Set it to 0 when the whole township is ordered.
  public var shadowShare = 0.2
  /// Seconds from the order until an unwarned shadow household hears of it
  /// through neighbours: 600 (assumption; informal networks spread news in
  /// minutes, Sorensen and Mileti 1987).
  public var shadowNoticeDelay = 600.0
  /// Share of leaving households that go back home from the shelter: 0
  /// (drills count them as "returned without permission"; set it for
  /// sensitivity runs).
  public var returnShare = 0.0
  /// Time spent at the shelter before going back: lognormal, median 2 h
  /// (assumption).
  public var returnDelay = PremovementDistribution.lognormal(mu: log(7200), sigma: 0.5)
  /// Share of returning households that stay home: 0 (assumption: they
  /// went back to fetch family, pets or belongings and come back).
  public var returnStayShare = 0.0
  /// Time at home before a returning household sets off for a shelter
  /// again: lognormal, median 20 min (assumption; reference/ has no figure).
  public var returnDwell = PremovementDistribution.lognormal(mu: log(1200), sigma: 0.5)

  /// The name of the random stream departures are drawn from.
  public static let streamName = "premovement"

  /// The default medians per lead group, seconds (see the type's doc).
  public static let defaultMedians: [PopulationGroup: Double] = [
    .residents: 300, .elderly: 480, .children: 360, .mobilityImpaired: 900, .visitors: 240,
    .school: 600, .clinic: 1200,
  ]

  /// The defaults above.
  public init() {
    var table = PerGroup(PremovementDistribution.fixed(0))
    for group in PopulationGroup.allCases {
      let median = Self.defaultMedians[group] ?? 300
      table[group] = .lognormal(mu: log(median), sigma: 0.967)
    }
    premovement = table
  }

  /// The same delay distribution for every group.
  public init(premovement: PremovementDistribution) {
    self.init()
    self.premovement = PerGroup(premovement)
  }

  /// Checks shares, delays and distributions.
  ///
  /// - Throws: `EvacuationError` naming the first bad parameter.
  public func validate() throws(EvacuationError) {
    for group in PopulationGroup.allCases {
      try premovement[group].validate(at: "premovement.\(group.name)")
    }
    try returnDelay.validate(at: "return_delay")
    try returnDwell.validate(at: "return_dwell")
    guard (0...1).contains(shadowShare), (0...1).contains(returnShare),
      (0...1).contains(returnStayShare)
    else {
      throw EvacuationError("mobilisation", "shadow and return shares must be in 0...1")
    }
    guard shadowNoticeDelay >= 0, shadowNoticeDelay.isFinite else {
      throw EvacuationError("mobilisation.shadow_notice_delay", "must be >= 0")
    }
  }

  /// Departures of every household of `roster`.
  ///
  /// `ordered` flags the zones under the order (by roster zone index),
  /// issued at `orderTime`; `warnedAt` is each household's first warning
  /// (`SimTime.never` when none reached it), as `WarningOutcome.firstWarned`
  /// gives it. Each household draws from its own stream seeded by one draw
  /// of `stream`, always in the same order (shadow and return lots, then
  /// its pre-movement and return delays, then its stay lot and dwell), so
  /// plan variants that change a group's distribution or the shares keep
  /// everyone else's draws.
  ///
  /// - Throws: `EvacuationError` for invalid parameters or arrays whose
  ///   lengths do not match the roster.
  public func departures(
    roster: HouseholdRoster, ordered: [Bool], orderTime: SimTime, warnedAt: [SimTime],
    stream: inout RandomStream
  ) throws(EvacuationError) -> DepartureTable {
    try validate()
    guard ordered.count == roster.zoneIDs.count else {
      throw EvacuationError("ordered", "\(ordered.count) flags for \(roster.zoneIDs.count) zones")
    }
    guard warnedAt.count == roster.count else {
      throw EvacuationError("warned_at", "\(warnedAt.count) times for \(roster.count) households")
    }
    var table = DepartureTable(count: roster.count)
    for household in 0..<roster.count {
      var local = RandomStream(rawSeed: stream.next())
      let shadowLot = local.unit()
      let returnLot = local.unit()
      let lead = roster.groups[household].lead
      let delay = Self.duration(premovement[lead].sample(&local))
      let back = Self.duration(returnDelay.sample(&local))
      let stayLot = local.unit()
      let dwell = Self.duration(returnDwell.sample(&local))
      let warned = warnedAt[household]
      let start: SimTime
      if ordered[Int(roster.zone[household])] {
        guard roster.complies[household] else {
          table.reason[household] = .refused
          continue
        }
        guard warned != .never else {
          table.reason[household] = .notWarned
          continue
        }
        start = warned
        table.reason[household] = .ordered
      } else {
        guard shadowLot < shadowShare, orderTime != .never else {
          table.reason[household] = .notOrdered
          continue
        }
        let heard = orderTime + Self.duration(shadowNoticeDelay)
        start = warned < heard ? warned : heard
        table.reason[household] = .shadow
      }
      table.departure[household] = start + delay
      if returnLot < returnShare {
        table.returnDelay[household] = back
        table.dwell[household] = stayLot < returnStayShare ? .never : dwell
      }
    }
    return table
  }

  /// Seconds as a kernel duration (milliseconds, rounded).
  static func duration(_ seconds: Double) -> SimTime {
    SimTime(seconds: seconds) ?? .never
  }
}
