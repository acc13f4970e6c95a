import Experiments
import Scenario
import Testing

/// Grid, random, Latin hypercube and one-at-a-time designs: their points,
/// their order and their determinism.
@Suite struct DesignTests {
  let teams = Factor(
    name: "teams", domain: .levels([.integer(2), .integer(3)]), baseline: .integer(2))
  let delay = Factor(
    name: "delay", domain: .range(min: 0, max: 60, integer: false), baseline: .number(30))
  let crews = Factor(
    name: "crews", domain: .range(min: 1, max: 4, integer: true), baseline: .integer(1))

  @Test func gridIsEveryCombinationLastFactorFastest() {
    let points = SweepDesign.grid.points(factors: [teams, delay], samples: 0, levels: 3, seed: 1)
    #expect(points.count == 6)
    #expect(points[0] == [.integer(2), .number(0)])
    #expect(points[1] == [.integer(2), .number(30)])
    #expect(points[2] == [.integer(2), .number(60)])
    #expect(points[3] == [.integer(3), .number(0)])
    #expect(points[5] == [.integer(3), .number(60)])
  }

  @Test func integerRangesRoundAndDropRepeats() {
    #expect(crews.levels(count: 3) == [.integer(1), .integer(3), .integer(4)])
    #expect(crews.levels(count: 10) == [.integer(1), .integer(2), .integer(3), .integer(4)])
    #expect(crews.levels(count: 1) == [.integer(1)])
  }

  @Test func fractionalVaryRangeOnAnIntegerDefaultKeepsFractions() throws {
    let share = ParameterSpec(name: "share", defaultValue: .integer(1), minimum: 0, maximum: 1)
    let fractional = try Factor(share, vary: "0.6:0.9")
    #expect(fractional.levels(count: 2) == [.number(0.6), .number(0.9)])
    let whole = try Factor(share, vary: "0:1")
    #expect(whole.levels(count: 3) == [.integer(0), .integer(1)])
  }

  @Test func randomDesignStaysInRangeAndFollowsTheSeed() {
    let a = SweepDesign.random.points(
      factors: [teams, delay, crews], samples: 50, levels: 0, seed: 7)
    let b = SweepDesign.random.points(
      factors: [teams, delay, crews], samples: 50, levels: 0, seed: 7)
    let c = SweepDesign.random.points(
      factors: [teams, delay, crews], samples: 50, levels: 0, seed: 8)
    #expect(a.count == 50)
    #expect(a == b)
    #expect(a != c)
    for point in a {
      #expect([.integer(2), .integer(3)].contains(point[0]))
      let d = point[1].numeric ?? -1
      #expect(d >= 0 && d < 60)
      guard case .integer(let n) = point[2] else {
        Issue.record("crews must stay an integer, got \(point[2])")
        continue
      }
      #expect((1...4).contains(n))
    }
    // Both ends of the integer range and both levels appear in 50 draws.
    #expect(Set(a.map { $0[2] }) == [.integer(1), .integer(2), .integer(3), .integer(4)])
    #expect(Set(a.map { $0[0] }).count == 2)
  }

  @Test(arguments: [1, 7, 10, 33])
  func latinHypercubePutsOnePointInEveryStratum(samples: Int) {
    let points = SweepDesign.lhs.points(
      factors: [delay, delay], samples: samples, levels: 0, seed: 3)
    #expect(points.count == samples)
    for column in 0..<2 {
      let strata = points.map { Int(($0[column].numeric ?? -1) / 60 * Double(samples)) }
      #expect(strata.sorted() == Array(0..<samples))
    }
    // The two columns are shuffled independently.
    if samples >= 7 { #expect(points.map { $0[0] } != points.map { $0[1] }) }
  }

  @Test func oneAtATimeMovesEachFactorAloneFromTheBaseline() {
    let points = SweepDesign.oat.points(factors: [teams, delay], samples: 0, levels: 3, seed: 1)
    #expect(
      points == [
        [.integer(2), .number(30)],
        [.integer(3), .number(30)],
        [.integer(2), .number(0)],
        [.integer(2), .number(60)],
      ])
  }

  @Test func designPointsAreNumberedInDesignOrder() {
    let definition = SweepDefinition(
      scenario: "s", scenarioDigest: "0", design: .grid, samples: 0, levels: 2,
      replications: 2, seed: 1, pinned: [Setting(name: "work", level: .integer(5))],
      factors: [teams, delay], maxInstructions: 1000, maxMemoryMb: 64)
    let points = definition.points()
    #expect(points.map(\.index) == [0, 1, 2, 3])
    #expect(
      points[1].settings == [
        Setting(name: "teams", level: .integer(2)), Setting(name: "delay", level: .number(60)),
      ])
    let overrides = definition.overrides(at: points[1])
    #expect(overrides.map(\.name) == ["work", "teams", "delay"])
    #expect(overrides.map(\.text) == ["5", "2", "60.0"])
  }
}
