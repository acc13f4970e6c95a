import Experiments
import Testing

/// Means, standard deviations, Student-t intervals and paired differences,
/// checked against values worked out by hand and against t tables.
@Suite struct StatisticsTests {
  @Test(arguments: [
    (1, 12.706_204_736), (2, 4.302_652_730), (3, 3.182_446_305), (4, 2.776_445_105),
    (9, 2.262_157_163), (29, 2.045_229_642), (120, 1.979_930_405),
  ])
  func studentCriticalValuesMatchTheTable(degrees: Int, expected: Double) {
    #expect(abs(StudentT.critical(confidence: 0.95, degrees: degrees) - expected) < 1e-8)
  }

  @Test func studentQuantilesAreSymmetricAndInvertTheDistribution() {
    #expect(StudentT.quantile(0.5, degrees: 5) == 0)
    #expect(
      abs(StudentT.quantile(0.025, degrees: 5) + StudentT.quantile(0.975, degrees: 5)) < 1e-12)
    #expect(abs(StudentT.cdf(StudentT.quantile(0.9, degrees: 3), degrees: 3) - 0.9) < 1e-12)
    // 99 % two-sided, 10 degrees of freedom: 3.169.
    #expect(abs(StudentT.critical(confidence: 0.99, degrees: 10) - 3.169_272_667) < 1e-8)
  }

  @Test func summaryOfASmallSample() throws {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations 32, sd = sqrt(32/7).
    let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(summary.count == 8)
    #expect(summary.mean == 5)
    let sd = (32.0 / 7).squareRoot()
    #expect(abs(summary.sd - sd) < 1e-12)
    let half = try #require(summary.halfWidth)
    #expect(abs(half - 2.364_624_252 * sd / 8.0.squareRoot()) < 1e-8)
    let interval = try #require(summary.interval)
    #expect(abs(interval.low - (5 - half)) < 1e-12)
  }

  @Test func summaryLeavesOutNaNAndNeedsTwoValuesForAnInterval() {
    let one = SampleSummary([3, .nan])
    #expect(one.count == 1)
    #expect(one.mean == 3)
    #expect(one.sd == 0)
    #expect(one.halfWidth == nil)
    let none = SampleSummary([])
    #expect(none.count == 0)
    #expect(none.mean.isNaN)
  }

  @Test func pairedDifferencesUseTheSameReplications() throws {
    // Two points, three replications; point 1 = point 0 + 10 + small noise,
    // and replication 2 of point 1 is missing.
    let factor = Factor(
      name: "x", domain: .levels([.integer(0), .integer(1)]), baseline: .integer(0))
    let definition = SweepDefinition(
      scenario: "s", scenarioDigest: "0", design: .grid, samples: 0, levels: 2,
      replications: 3, seed: 1, pinned: [], factors: [factor], maxInstructions: 1,
      maxMemoryMb: 1)
    func record(_ point: Int, _ replication: Int, _ y: Double) -> RunRecord {
      RunRecord(
        key: RunKey(point: point, replication: replication), seed: 0, params: "{}",
        status: "complete", error: nil, simEndSeconds: 0, events: 0, wallSeconds: 0,
        metrics: [Metric(name: "y", value: y)], objectives: [])
    }
    let records = [
      record(0, 0, 100), record(0, 1, 200), record(0, 2, 300),
      record(1, 0, 111), record(1, 1, 209),
    ]
    let analysis = SweepAnalysis(definition: definition, records: records)
    let differences = analysis.pairedDifferences("y", baseline: 0)
    #expect(differences[0].mean == 0)
    #expect(differences[1].count == 2)
    #expect(differences[1].mean == 10)
    // Differences 11 and 9: sd sqrt(2), half-width t(0.975, 1) sqrt(2) / sqrt(2).
    #expect(abs(differences[1].sd - 2.0.squareRoot()) < 1e-12)
    #expect(abs((differences[1].halfWidth ?? 0) - 12.706_204_736) < 1e-8)
    // Unpaired, the same points' means are far apart with wide intervals.
    let summaries = analysis.summaries("y")
    #expect(summaries[0].mean == 200)
    #expect(summaries[1].mean == 160)
  }
}
