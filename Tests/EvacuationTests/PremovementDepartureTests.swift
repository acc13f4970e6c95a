import Evacuation
import SimKernel
import Testing

@Suite("Departures: pre-movement, compliance, shadow and return")
struct PremovementDepartureTests {
  /// Warning times spread over the first hour, one per household.
  static func warnings(_ roster: HouseholdRoster) -> [SimTime] {
    var stream = RandomStream(seed: 3, name: "warned")
    return (0..<roster.count).map { _ in SimTime(ms: stream.integer(0, 3_600_000)) }
  }

  static func departures(
    _ model: MobilisationModel, roster: HouseholdRoster, ordered: [Bool],
    warned: [SimTime], orderTime: SimTime = .zero
  ) throws -> DepartureTable {
    var stream = RandomStream(seed: 11, name: MobilisationModel.streamName)
    return try model.departures(
      roster: roster, ordered: ordered, orderTime: orderTime, warnedAt: warned, stream: &stream)
  }

  @Test("a fixed delay shifts every departure by exactly that delay")
  func fixedDelayShift() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 300)
    let warned = Self.warnings(roster)
    let all = [Bool](repeating: true, count: roster.zoneIDs.count)
    let none = try Self.departures(
      MobilisationModel(premovement: .fixed(0)), roster: roster, ordered: all, warned: warned)
    for seconds in [30.0, 120.0, 0.25] {
      let shifted = try Self.departures(
        MobilisationModel(premovement: .fixed(seconds)), roster: roster, ordered: all,
        warned: warned)
      let d = SimTime(ms: Int64(seconds * 1000))
      #expect(shifted.reason.allSatisfy { $0 == .ordered })
      #expect(zip(shifted.departure, none.departure).allSatisfy { $0 == $1 + d })
      #expect(zip(shifted.departure, warned).allSatisfy { $0 == $1 + d })
    }
  }

  @Test("departure minus warning fits the group's distribution (KS p > 0.05)")
  func delaysFitThroughThePipeline() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 1_500)
    let warned = Self.warnings(roster)
    let ordered = [Bool](repeating: true, count: roster.zoneIDs.count)
    for distribution in PremovementDistributionTests.nist {
      let table = try Self.departures(
        MobilisationModel(premovement: distribution), roster: roster, ordered: ordered,
        warned: warned)
      let delays = (0..<roster.count).map { (table.departure[$0] - warned[$0]).seconds }
      #expect(delays.count >= 1_000)
      let test = KolmogorovSmirnov(samples: delays, cdf: distribution.cdf)
      #expect(test.pValue > 0.05, "\(distribution): D = \(test.statistic)")
    }
  }

  @Test("non-compliers and unwarned households stay")
  func stayers() throws {
    var options = PopulationOptions()
    options.compliance = PerGroup(0.6)
    let roster = try PopulationFixtures.roster(bigHouseholds: 20_000, options: options)
    var warned = Self.warnings(roster)
    warned[0] = .never
    let ordered = [Bool](repeating: true, count: roster.zoneIDs.count)
    let table = try Self.departures(
      MobilisationModel(), roster: roster, ordered: ordered, warned: warned)
    for household in 0..<roster.count {
      let expected: DepartureReason =
        !roster.complies[household] ? .refused : (household == 0 ? .notWarned : .ordered)
      #expect(table.reason[household] == expected)
      #expect((table.departure[household] == .never) == !expected.leaves)
    }
    let refused = Double(table.countsByReason[Int(DepartureReason.refused.rawValue)])
    // Binomial sd over about 20 500 households is 0.0034; allow 4 sd.
    #expect(abs(refused / Double(roster.count) - 0.4) < 0.014)
  }

  @Test("a shadow share outside the order leaves, counting from the notice")
  func shadowEvacuation() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 20_000)
    let warned = [SimTime](repeating: .never, count: roster.count)
    // Only Lowland is ordered; Plain (zone 3) is the shadow region.
    let ordered = [true, false, false, false]
    var model = MobilisationModel(premovement: .fixed(60))
    model.shadowNoticeDelay = 600
    let table = try Self.departures(
      model, roster: roster, ordered: ordered, warned: warned, orderTime: SimTime(ms: 5_000))
    let plain = (0..<roster.count).filter { roster.zone[$0] == 3 }
    let shadow = plain.filter { table.reason[$0] == .shadow }
    let share = Double(shadow.count) / Double(plain.count)
    #expect(abs(share - 0.2) < 0.012)  // 4 binomial sd at n = 20 000
    #expect(shadow.allSatisfy { table.departure[$0] == SimTime(ms: 665_000) })
    #expect(plain.filter { table.reason[$0] == .notOrdered }.count == plain.count - shadow.count)
    // Lowland was ordered but nobody was warned.
    #expect(
      (0..<roster.count).filter { roster.zone[$0] == 0 }.allSatisfy {
        table.reason[$0] == .notWarned
      })
  }

  @Test("a return share goes home after its delay; others stay")
  func returnHome() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 20_000)
    let warned = Self.warnings(roster)
    var model = MobilisationModel()
    model.returnShare = 0.1
    model.returnDelay = .fixed(3600)
    let table = try Self.departures(
      model, roster: roster, ordered: [Bool](repeating: true, count: 4), warned: warned)
    let returning = table.returnDelay.filter { $0 != .never }
    #expect(returning.allSatisfy { $0 == SimTime(ms: 3_600_000) })
    #expect(abs(Double(returning.count) / Double(roster.count) - 0.1) < 0.0085)
    // Changing the return share keeps every household's departure (own streams).
    let baseline = try Self.departures(
      MobilisationModel(), roster: roster, ordered: [Bool](repeating: true, count: 4),
      warned: warned)
    #expect(baseline.departure == table.departure)
    #expect(table.leavingInOrder.count == roster.count)
    let order = table.leavingInOrder.map { table.departure[$0] }
    #expect(order == order.sorted())
  }
}
