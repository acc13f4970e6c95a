import Evacuation
import Foundation
import SimKernel
import Testing
import Township

@Suite("Warning channels: reach, radius, groups and outages")
struct WarningChannelTests {
  @Test("reach curves invert exactly and saturate")
  func curves() {
    let curves: [ReachCurve] = [
      .exponential(timeConstant: 600), .logistic(halfTime: 300, spread: 60),
    ]
    for curve in curves {
      #expect(curve.share(at: 0) == 0)
      for u in [0.01, 0.25, 0.5, 0.9, 0.999] {
        #expect(abs(curve.share(at: curve.time(forShare: u)) - u) < 1e-12)
      }
      #expect(curve.share(at: 1e6) > 0.999_999)
    }
    // 95 % of an exponential with τ = 600 s by 30 min (ring-down, Rogers and Sorensen).
    #expect(abs(ReachCurve.exponential(timeConstant: 600).share(at: 1800) - (1 - exp(-3))) < 1e-15)
  }

  @Test("a gong reaches only households within its radius")
  func gongRadius() throws {
    let distances: [Double] = [0, 100, 250, 299.9, 300, 300.1, 500, 1000]
    let roster = try PopulationFixtures.line(distances.map { MapPoint(x: 0, y: $0) })
    let harness = try WarningHarness(roster: roster, channels: [.certain(.gong)])
    let outcome = try harness.outcome([
      WarningPlan(zones: [0], channels: [.gong], issuedAt: SimTime(ms: 1_000), callAndAnswer: false)
    ])
    for (household, distance) in distances.enumerated() {
      #expect(outcome.wasReached(household, by: .gong) == (distance <= 300), "at \(distance) m")
    }
    // A gong placed elsewhere reaches the households around it instead.
    let moved = try WarningHarness(roster: roster, channels: [.certain(.gong)])
    let elsewhere = try moved.outcome([
      WarningPlan(
        zones: [0], channels: [.gong], issuedAt: .zero,
        gongPoints: [MapPoint(x: 0, y: 700)], callAndAnswer: false)
    ])
    #expect((0..<roster.count).filter { elsewhere.wasReached($0, by: .gong) } == [6, 7])
  }

  @Test("reach shares by group hold in expectation and follow the curve")
  func reachByGroup() throws {
    let n = 4_000
    var roster = try HouseholdRoster(
      zoneIDs: ["a"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["g1"], gridZones: [0])
    for index in 0..<(2 * n) {
      let group: PopulationGroup = index % 2 == 0 ? .elderly : .residents
      try roster.append(
        Household(
          zone: 0, grid: 0, node: 0, position: MapPoint(x: 0, y: 0), size: 1,
          groups: PopulationGroups(group)))
    }
    let sms = ChannelModel.standard(.sms)
    let harness = try WarningHarness(roster: roster)
    let outcome = try harness.outcome([
      WarningPlan(zones: [0], channels: [.sms], issuedAt: .zero, callAndAnswer: false)
    ])
    for group in [PopulationGroup.elderly, .residents] {
      let members = (0..<roster.count).filter { roster.groups[$0].lead == group }
      let expected = sms.reachableShare[group]
      let share = Double(members.filter { outcome.wasReached($0, by: .sms) }.count) / Double(n)
      // Binomial sd at n = 4000 is at most 0.0079; allow 4 sd.
      #expect(abs(share - expected) < 0.032, "\(group): \(share) vs \(expected)")
      // By delay + half time the logistic has reached its rescaled share.
      let t = SimTime(ms: Int64((sms.delay + 300) * 1000))
      let early = Double(members.filter { outcome.firstWarned[$0] <= t }.count) / Double(n)
      #expect(abs(early - expected * sms.curve.share(at: 300)) < 0.032)
    }
    // 0.9 of residents and 0.5 of the elderly: the defaults differ as documented.
    #expect(sms.reachableShare[.elderly] == 0.5 && sms.reachableShare[.residents] == 0.9)
  }

  @Test("with power and network cut, SMS and broadcast reach nobody")
  func threeCutsSilenceChannels() throws {
    let roster = try PopulationFixtures.roster()
    let cut = OutageSchedule([OutageSchedule.Outage(cuts: [.power, .network], from: .zero)])
    let harness = try WarningHarness(
      roster: roster, channels: [.certain(.sms), .certain(.broadcast)], infrastructure: cut)
    let outcome = try harness.outcome([
      WarningPlan(
        zones: [0, 1], channels: [.sms, .broadcast], issuedAt: .zero, callAndAnswer: false)
    ])
    for grid in 0..<2 {
      #expect(outcome.households(grid: grid) > 0)
      #expect(outcome.reached(grid: grid, channel: .sms) == 0)
      #expect(outcome.reached(grid: grid, channel: .broadcast) == 0)
      #expect(outcome.unreached(grid: grid) == outcome.households(grid: grid))
    }
    // The same plan without the cut reaches everyone.
    let open = try WarningHarness(roster: roster, channels: [.certain(.sms), .certain(.broadcast)])
    let reached = try open.outcome([
      WarningPlan(
        zones: [0, 1], channels: [.sms, .broadcast], issuedAt: .zero, callAndAnswer: false)
    ])
    #expect(reached.unreached(grid: 0) == 0 && reached.unreached(grid: 1) == 0)
  }

  @Test("an outage during the reach window silences only the households due then")
  func outageWindow() throws {
    let roster = try PopulationFixtures.roster()
    let from = SimTime(ms: 300_000)
    let until = SimTime(ms: 600_000)
    let cut = OutageSchedule([
      OutageSchedule.Outage(cuts: .network, zones: [0], from: from, until: until)
    ])
    let harness = try WarningHarness(
      roster: roster, channels: [.certain(.call)], infrastructure: cut)
    let outcome = try harness.outcome([
      WarningPlan(zones: [0, 1], channels: [.call], issuedAt: .zero, callAndAnswer: false)
    ])
    let times = (0..<roster.count).map { outcome.firstWarned[$0] }
    let lowland = (0..<roster.count).filter { roster.zone[$0] == 0 }
    let hill = (0..<roster.count).filter { roster.zone[$0] == 1 }
    #expect(lowland.allSatisfy { times[$0] == .never || times[$0] < from || times[$0] >= until })
    #expect(lowland.contains { times[$0] != .never && times[$0] < from })
    #expect(lowland.contains { times[$0] != .never && times[$0] >= until })
    #expect(lowland.contains { times[$0] == .never })
    #expect(hill.allSatisfy { times[$0] != .never })  // another zone, no cut
    #expect(hill.contains { times[$0] >= from && times[$0] < until })
  }

  @Test("same seed, same outcome and events; the first warning is the earliest reach")
  func determinism() throws {
    let roster = try PopulationFixtures.roster(bigHouseholds: 300)
    let plan = WarningPlan(
      zones: [0, 1, 3], channels: [.broadcast, .sms, .call, .gong, .door], issuedAt: .zero)
    let first = try WarningHarness(roster: roster)
    let second = try WarningHarness(roster: roster)
    let other = try WarningHarness(roster: roster, seed: 6)
    let a = try first.outcome([plan])
    #expect(try second.outcome([plan]) == a)
    #expect(first.events == second.events)
    #expect(try other.outcome([plan]).firstWarned != a.firstWarned)
    let warned = first.events.compactMap { event -> (Int, WarningChannel, SimTime)? in
      if case .warned(let household, let channel) = event.kind {
        return (household, channel, event.time)
      }
      return nil
    }
    #expect(warned.count == (0..<roster.count).filter { a.firstWarned[$0] != .never }.count)
    #expect(warned.allSatisfy { a.firstWarned[$0.0] == $0.2 && a.firstChannel(of: $0.0) == $0.1 })
    #expect(zip(first.events, first.events.dropFirst()).allSatisfy { $0.time <= $1.time })
  }
}
