import Evacuation
import Foundation
import SimKernel
import Testing
import Township

@Suite("叫应: acknowledgement, escalation and the door-to-door walk")
struct CallAndAnswerTests {
  static func door(delay: Double, speed: Double, perDoor: Double) -> ChannelModel {
    var model = ChannelModel.certain(.door)
    model.delay = delay
    model.walkSpeed = speed
    model.timePerDoor = perDoor
    return model
  }

  static func seconds(_ value: Double) -> SimTime { SimTime(ms: Int64((value * 1000).rounded())) }

  @Test("with network and power cut, door-to-door starts exactly at the deadline")
  func escalationAtDeadline() throws {
    let roster = try PopulationFixtures.line([
      MapPoint(x: 10, y: 0), MapPoint(x: 30, y: 0), MapPoint(x: 60, y: 0),
    ])
    let cut = OutageSchedule([OutageSchedule.Outage(cuts: [.power, .network], from: .zero)])
    let harness = try WarningHarness(
      roster: roster,
      channels: [
        .certain(.sms), .certain(.broadcast), Self.door(delay: 120, speed: 1, perDoor: 60),
      ],
      infrastructure: cut)
    let outcome = try harness.outcome([
      WarningPlan(zones: [0], channels: [.sms, .broadcast], issuedAt: Self.seconds(100))
    ])
    #expect(outcome.reached(grid: 0, channel: .sms) == 0)
    #expect(outcome.reached(grid: 0, channel: .broadcast) == 0)
    #expect(outcome.acknowledgementDelay(grid: 0) == nil)
    // No call gets through, so no re-call: door-to-door at 100 + 900 s.
    #expect(outcome.escalatedAt(grid: 0, step: .recall) == .never)
    #expect(outcome.escalatedAt(grid: 0, step: .doorToDoor) == Self.seconds(1000))
    // Staff set off 120 s later and walk 10, 20, 30 m at 1 m/s, 60 s a door.
    let walk = outcome.doorWalk(grid: 0)
    #expect(walk.started == Self.seconds(1120))
    #expect(outcome.firstWarned == [1190, 1270, 1360].map(Self.seconds))
    #expect((0..<3).allSatisfy { outcome.firstChannel(of: $0) == .door })
    #expect(walk.finished == Self.seconds(1360))
    #expect(outcome.unreached(grid: 0, channel: .sms) == 3)
    #expect(outcome.unreached(grid: 0) == 0)
    let escalations = harness.events.filter {
      if case .escalated = $0.kind { return true }
      return false
    }
    #expect(
      escalations == [
        WarningEvent(time: Self.seconds(1000), kind: .escalated(grid: 0, step: .doorToDoor))
      ])
  }

  @Test("the door-to-door walk takes the hand-calculated time")
  func doorWalkByHand() throws {
    // From the centre (0, 0) the nearest door first: (0,-20) 20 m, (30,-20)
    // 30 m, (100,0) √5300 m, its neighbour at (100,0) 0 m, then (0,50) √12500 m.
    let roster = try PopulationFixtures.line([
      MapPoint(x: 0, y: 50), MapPoint(x: 0, y: -20), MapPoint(x: 30, y: -20),
      MapPoint(x: 100, y: 0), MapPoint(x: 100, y: 0),
    ])
    let harness = try WarningHarness(
      roster: roster, channels: [Self.door(delay: 300, speed: 1.34, perDoor: 45)])
    let outcome = try harness.outcome([
      WarningPlan(zones: [0], channels: [.door], issuedAt: Self.seconds(60), callAndAnswer: false)
    ])
    let legs = [20, 30, 5300.0.squareRoot(), 0, 12_500.0.squareRoot()]
    let order = [1, 2, 3, 4, 0]
    var elapsed = 0.0
    for (leg, household) in zip(legs, order) {
      elapsed += leg / 1.34 + 45
      #expect(outcome.firstWarned[household] == Self.seconds(360 + elapsed))
    }
    let walk = outcome.doorWalk(grid: 0)
    #expect(walk.started == Self.seconds(360))
    #expect(walk.finished == Self.seconds(360 + (legs.reduce(0, +)) / 1.34 + 5 * 45))
  }

  @Test("a scattered grid's walk time is its path length / speed + time per door")
  func scatteredWalk() throws {
    var stream = RandomStream(seed: 9, name: "scatter")
    let points = (0..<60).map { _ in
      MapPoint(x: stream.uniform(-400, 400), y: stream.uniform(-400, 400))
    }
    let roster = try PopulationFixtures.line(points)
    let harness = try WarningHarness(
      roster: roster, channels: [Self.door(delay: 0, speed: 1.1, perDoor: 30)])
    let outcome = try harness.outcome([
      WarningPlan(zones: [0], channels: [.door], issuedAt: .zero, callAndAnswer: false)
    ])
    // The knock order is the order of the warnings; sum the legs along it.
    let visited = (0..<60).sorted { (outcome.firstWarned[$0], $0) < (outcome.firstWarned[$1], $1) }
    var here = MapPoint(x: 0, y: 0)
    var length = 0.0
    for household in visited {
      length += points[household].distance(to: here)
      here = points[household]
    }
    let walk = outcome.doorWalk(grid: 0)
    let expected = length / 1.1 + 60 * 30
    #expect(abs((walk.finished - walk.started).seconds - expected) <= 0.001)
    // Greedy nearest-door order: each leg is the shortest to any door left.
    here = MapPoint(x: 0, y: 0)
    for (step, household) in visited.enumerated() {
      let leg = points[household].distance(to: here)
      #expect(visited[step...].allSatisfy { points[$0].distance(to: here) >= leg })
      here = points[household]
    }
  }

  @Test("an answered call is acknowledged after the call and answer delays")
  func acknowledged() throws {
    var policy = CallAndAnswerPolicy()
    policy.answerProbability = 1
    policy.acknowledgement = .fixed(200)
    let roster = try PopulationFixtures.roster()
    let harness = try WarningHarness(roster: roster, callAndAnswer: policy)
    let outcome = try harness.outcome([
      WarningPlan(zones: [0, 1], channels: [.sms], issuedAt: Self.seconds(50))
    ])
    for grid in 0..<2 {
      #expect(outcome.calledAt(grid: grid) == Self.seconds(50))
      #expect(outcome.acknowledgedAt(grid: grid) == Self.seconds(280))
      #expect(outcome.acknowledgementDelay(grid: grid) == 230)
      #expect(
        EscalationStep.allCases.allSatisfy { outcome.escalatedAt(grid: grid, step: $0) == .never })
    }
    let metrics = outcome.metrics()
    #expect(metrics.first { $0.name == "warning.g1.ack_s" }?.value == 230)
    #expect(metrics.first { $0.name == "warning.g2.escalations" }?.value == 0)
    #expect(metrics.first { $0.name == "warning.grids_acknowledged" }?.value == 2)
    // Grids outside the order are not called.
    #expect(outcome.calledAt(grid: 2) == .never)
    #expect(!metrics.contains { $0.name.hasPrefix("warning.camp.") })
  }

  @Test("an acknowledgement right at the deadline counts")
  func acknowledgedAtDeadline() throws {
    var policy = CallAndAnswerPolicy()
    policy.answerProbability = 1
    policy.acknowledgement = .fixed(870)
    let harness = try WarningHarness(roster: PopulationFixtures.roster(), callAndAnswer: policy)
    let outcome = try harness.outcome([WarningPlan(zones: [0], channels: [], issuedAt: .zero)])
    #expect(outcome.acknowledgedAt(grid: 0) == Self.seconds(900))
    #expect(outcome.escalatedAt(grid: 0, step: .recall) == .never)
  }

  @Test("a silent grid is re-called at the deadline, then sent door-to-door")
  func recallThenDoor() throws {
    var policy = CallAndAnswerPolicy()
    policy.answerProbability = 0
    let harness = try WarningHarness(
      roster: PopulationFixtures.roster(), channels: [Self.door(delay: 0, speed: 1, perDoor: 10)],
      callAndAnswer: policy)
    let outcome = try harness.outcome([
      WarningPlan(zones: [1], channels: [], issuedAt: Self.seconds(10))
    ])
    #expect(outcome.escalatedAt(grid: 1, step: .recall) == Self.seconds(910))
    #expect(outcome.escalatedAt(grid: 1, step: .doorToDoor) == Self.seconds(1510))
    #expect(outcome.doorWalk(grid: 1).started == Self.seconds(1510))
    // Hill's households all stand on its point: one door after another.
    let hill = outcome.households(grid: 1)
    #expect(outcome.doorWalk(grid: 1).finished == Self.seconds(1510 + Double(hill) * 10))
    #expect(outcome.metrics().first { $0.name == "warning.g2.escalations" }?.value == 2)
    #expect(outcome.acknowledgementDelay(grid: 1) == nil)
  }

  @Test("a re-call that gets through is acknowledged and stops the escalation")
  func recallAnswered() throws {
    var policy = CallAndAnswerPolicy()
    policy.answerProbability = 1
    policy.acknowledgement = .fixed(200)
    let down = OutageSchedule([
      OutageSchedule.Outage(cuts: .network, from: .zero, until: Self.seconds(800))
    ])
    let harness = try WarningHarness(
      roster: PopulationFixtures.roster(), callAndAnswer: policy, infrastructure: down)
    let outcome = try harness.outcome([WarningPlan(zones: [0], channels: [], issuedAt: .zero)])
    #expect(outcome.escalatedAt(grid: 0, step: .recall) == Self.seconds(900))
    #expect(outcome.acknowledgedAt(grid: 0) == Self.seconds(1130))
    #expect(outcome.escalatedAt(grid: 0, step: .doorToDoor) == .never)
    #expect(outcome.doorWalk(grid: 0).started == .never)
  }
}
