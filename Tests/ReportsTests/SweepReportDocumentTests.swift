import Foundation
import Reports
import Testing

/// The sweep report from hand-made results: type 7 quantiles, the
/// clearance matrix, tornado order, well-formed SVG, no network reference,
/// and the same bytes whatever order the results came in.
@Suite struct SweepReportDocumentTests {
  /// Two points (compliance 0.6 and 0.9) with three replications each, two
  /// zones, one of them named in Chinese and with markup in its name.
  static func results(samplesReversed: Bool = false) -> SweepResults {
    let summary = SweepResults.Summary(count: 3, mean: 900, sd: 300, low: 154.8, high: 1645.2)
    let difference = SweepResults.Summary(count: 3, mean: -120, sd: 10, low: -144.8, high: -95.2)
    let statistics = ["evacuation.t90_s", "evacuation.t100_s"].map { metric in
      SweepResults.MetricStatistics(
        metric: metric, points: [summary, summary],
        differences: [SweepResults.Summary(count: 3, mean: 0, sd: 0, low: 0, high: 0), difference],
        sensitivity: metric == "evacuation.t90_s"
          ? .fitted(
            coefficients: [
              .init(input: "compliance", src: -0.42), .init(input: "delay", src: 0.81),
              .init(input: "channels", src: 0.42), .init(input: "teams", src: -0.05),
            ], rSquared: 0.87, runs: 6)
          : .notShown(reason: "one varied parameter at 2 points"))
    }
    var samples: [SweepResults.Samples] = [
      // lowland T90, minutes: point 0 {10, 20, 15}, point 1 {8, 12}.
      .init(metric: "evacuation.lowland.t90_s", values: [[600, 1200, 900], [480, 720]]),
      // lowland T100, minutes: point 0 {30, 40, 50, 60}, point 1 {25}.
      .init(metric: "evacuation.lowland.t100_s", values: [[1800, 2400, 3000, 3600], [1500]]),
      .init(metric: "evacuation.低洼<村>.t90_s", values: [[60, 120, 180], []]),
      .init(metric: "evacuation.t90_s", values: [[600, 1200, 900], [480, 720, 600]]),
      .init(metric: "evacuation.t100_s", values: [[1800, 2400, 3000], [1500, 1600, 1700]]),
      .init(metric: "evacuation.safe", values: [[10, 10, 10], [10, 10, 10]]),
    ]
    if samplesReversed { samples.reverse() }
    var failures = [
      SweepResults.FailedRun(
        point: 1, replication: 2, status: "failed", error: "boom <here>\ntraceback",
        replay: "drillsim run SCENARIO --seed 7 --param compliance=0.9"),
      SweepResults.FailedRun(
        point: 0, replication: 1, status: "limit", error: "instruction budget",
        replay: "drillsim run SCENARIO --seed 5 --param compliance=0.6"),
    ]
    if samplesReversed { failures.reverse() }
    return SweepResults(
      scenario: "riverside", scenarioDigest: "00ff", design: "grid", seed: "1", replications: 3,
      factors: [.init(name: "compliance", levels: "0.6 to 0.9, 2 levels")],
      pins: [.init(name: "peak_inflow", value: "150")], planned: 6, stored: 6, failed: 2,
      missing: 0, baseline: 0,
      points: [
        .init(index: 0, settings: [.init(name: "compliance", value: "0.6")]),
        .init(index: 1, settings: [.init(name: "compliance", value: "0.9")]),
      ], statistics: statistics, samples: samples, failures: failures,
      zoneNames: [.init(metricWord: "lowland", name: "低地村 Lowland")])
  }

  @Test func quantilesInterpolateBetweenOrderStatistics() throws {
    // Type 7: h = (n - 1) p. Sorted {10, 15, 20}: median at h = 1 is 15,
    // P90 at h = 1.8 is 15 + 0.8 x 5 = 19.
    let q = SampleQuantiles([20, 10, .nan, 15])
    #expect(q.count == 3)
    #expect(q.median == 15)
    #expect(try #require(q.p90) == 19)
    // {30, 40, 50, 60}: median at h = 1.5 is 45; P90 at h = 2.7 is 57.
    let four = SampleQuantiles([60, 30, 50, 40])
    #expect(four.median == 45)
    #expect(abs(try #require(four.p90) - 57) < 1e-12)
    #expect(four.quantile(0) == 30)
    #expect(four.quantile(1) == 60)
    #expect(SampleQuantiles([7]).p90 == 7)
    #expect(SampleQuantiles([]).median == nil)
  }

  @Test func matrixCellsAreMediansAndP90sInMinutes() throws {
    let matrix = ClearanceMatrix(Self.results())
    #expect(matrix.zones == ["lowland", "低洼<村>"])
    #expect(matrix.cells.count == 2)
    let lowland = matrix.cells[0][0]
    #expect(lowland.t90.count == 3)
    #expect(lowland.t90.median == 15)
    #expect(abs(try #require(lowland.t90.p90) - 19) < 1e-12)
    #expect(lowland.t100.median == 45)
    #expect(abs(try #require(lowland.t100.p90) - 57) < 1e-12)
    // {8, 12}: median 10, P90 at h = 0.9 is 8 + 0.9 x 4 = 11.6.
    let second = matrix.cells[1][0]
    #expect(second.t90.median == 10)
    #expect(abs(try #require(second.t90.p90) - 11.6) < 1e-12)
    #expect(second.t100.median == 25)
    // A zone without T100 metrics, and a point where it never reached 90 %.
    #expect(matrix.cells[0][1].t100.count == 0)
    #expect(matrix.cells[0][1].t100.median == nil)
    #expect(matrix.cells[1][1].t90.count == 0)
    #expect(matrix.cells[0][1].t90.median == 2)
  }

  @Test func matrixCellsInTheDocumentCarryTheQuantiles() {
    let html = SweepReportDocument(results: Self.results()).html()
    #expect(
      html.contains(
        "data-point=\"0\" data-zone=\"lowland\" data-time=\"t90\" data-n=\"3\" "
          + "data-median=\"15\" data-p90=\"19\""))
    #expect(html.contains(">15.0 / 19.0</td>"))
    #expect(html.contains("data-zone=\"低洼&lt;村&gt;\">低洼&lt;村&gt;</th>"))
    #expect(html.contains("data-zone=\"lowland\">低地村 Lowland<br><small>lowland</small></th>"))
    #expect(!html.contains("低洼<村>"))
    // Point 1 reached lowland T100 in one replication of three.
    #expect(html.contains("25.0 / 25.0<sub>n=1</sub>"))
  }

  @Test func tornadoBarsAreSortedByAbsoluteSize() throws {
    let coefficients: [SweepResults.Coefficient] = [
      .init(input: "compliance", src: -0.42), .init(input: "delay", src: 0.81),
      .init(input: "channels", src: 0.42), .init(input: "teams", src: -0.05),
    ]
    let sorted = TornadoSVG.sorted(coefficients).map(\.input)
    #expect(sorted == ["delay", "channels", "compliance", "teams"])
    let svg = TornadoSVG(title: "t", coefficients: coefficients).svg()
    let drawn = svg.components(separatedBy: "data-input=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(drawn == sorted)
    let html = SweepReportDocument(results: Self.results()).html()
    #expect(html.contains("evacuation.t90_s (R² = 0.870, 6 runs)"))
    #expect(html.contains("evacuation.t100_s: not shown: one varied parameter at 2 points"))
  }

  @Test func documentIsWellFormedAndNeedsNoNetwork() {
    let html = SweepReportDocument(results: Self.results()).html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(!html.lowercased().contains("http"))
    #expect(!html.contains("<script"))
    #expect(Self.unclosedTags(html) == [])
    let svgs = html.components(separatedBy: "<svg").count - 1
    #expect(svgs == 4)  // two distributions, the colour legend, one tornado
    #expect(html.components(separatedBy: "</svg>").count - 1 == svgs)
  }

  @Test func failuresAreListedWithTheirReplayCommand() throws {
    let html = SweepReportDocument(results: Self.results()).html()
    #expect(html.contains("<summary>boom &lt;here&gt;</summary><pre>boom &lt;here&gt;\ntraceback"))
    #expect(html.contains("<code>drillsim run SCENARIO --seed 7 --param compliance=0.9</code>"))
    let first = try #require(html.range(of: "--seed 5")).lowerBound
    let second = try #require(html.range(of: "--seed 7")).lowerBound
    #expect(first < second)
    #expect(html.contains("<dd>6 stored, 2 failed, 0 missing of 6</dd>"))
  }

  @Test func sameResultsInAnyOrderGiveTheSameBytes() {
    let a = SweepReportDocument(results: Self.results()).html()
    let b = SweepReportDocument(results: Self.results(samplesReversed: true)).html()
    #expect(a == b)
  }

  @Test func coloursRunFromPaleToDark() {
    let scale = ColourScale(low: 10, high: 20)
    #expect(scale.colour(10) == "#ffffcc")
    #expect(scale.colour(15) == "#fd8d3c")
    #expect(scale.colour(20) == "#bd0026")
    #expect(scale.colour(99) == "#bd0026")
    #expect(!scale.needsLightText(11))
    #expect(scale.needsLightText(19))
  }

  /// The tags left open or closed out of order, by a stack over every
  /// start and end tag (void elements and `/>` tags excepted).
  static func unclosedTags(_ html: String) -> [String] {
    let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "!doctype"]
    var stack: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { return stack + ["<unterminated"] }
      let tag = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      let isEnd = tag.hasPrefix("/")
      let body = isEnd ? tag.dropFirst() : tag
      let name = String(body.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
      if tag.hasSuffix("/") || void.contains(name) { continue }
      if isEnd {
        guard stack.last == name else { return stack + ["unexpected /\(name)"] }
        stack.removeLast()
      } else {
        stack.append(name)
      }
    }
    return stack
  }
}
