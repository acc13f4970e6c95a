import Evacuation
import SimKernel
import Testing
import Township

@Suite("From warnings to departures")
struct WarningDepartureTests {
  @Test("warned households leave at their first warning plus pre-movement")
  func pipeline() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 500)
    let harness = try WarningHarness(roster: roster)
    let outcome = try harness.outcome([
      WarningPlan(
        zones: [0, 1], channels: WarningChannel.allCases, issuedAt: SimTime(ms: 120_000),
        message: "levee breach: go to the school")
    ])
    var model = MobilisationModel(premovement: .fixed(90))
    model.shadowShare = 0
    var stream = RandomStream(seed: 5, name: MobilisationModel.streamName)
    let ordered = roster.zoneIDs.map { $0 == "lowland" || $0 == "hill" }
    let table = try model.departures(
      roster: roster, ordered: ordered, orderTime: SimTime(ms: 120_000),
      warnedAt: outcome.firstWarned, stream: &stream)
    let delay = SimTime(ms: 90_000)
    for household in 0..<roster.count {
      if ordered[Int(roster.zone[household])] {
        // Door-to-door reaches everyone, so every covered household is warned.
        #expect(outcome.firstWarned[household] > SimTime(ms: 120_000))
        #expect(table.departure[household] == outcome.firstWarned[household] + delay)
        #expect(table.reason[household] == .ordered)
      } else {
        #expect(table.reason[household] == .notOrdered)
        #expect(!outcome.covered[household])
      }
    }
    let metrics = outcome.metrics()
    let households = metrics.first { $0.name == "warning.households" }?.value
    #expect(
      households
        == Double(
          ordered.indices.filter { ordered[$0] }.reduce(0) { total, zone in
            total + (0..<roster.count).filter { Int(roster.zone[$0]) == zone }.count
          }))
    #expect(metrics.first { $0.name == "warning.unreached" }?.value == 0)
    let names = metrics.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(names.contains("warning.g1.door.reached"))
  }
}
