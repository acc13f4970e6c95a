import Experiments
import Reports

/// Hands a sweep's statistics to the HTML document as plain values
/// (Reports does not import Experiments).
extension SweepResults {
  /// The results of `report`, with `metrics` added to the key metrics
  /// and the zones named by `zones`.
  init(_ report: SweepReport, adding metrics: [String], zones: [ZoneLabel]) {
    let analysis = report.analysis
    let definition = analysis.definition
    let progress = report.progress
    let points = analysis.points.map { point in
      Point(
        index: point.index,
        settings: point.settings.map { Setting(name: $0.name, value: $0.level.text) })
    }
    let statistics = report.reportedMetrics(adding: metrics).map { metric in
      let sensitivity: Sensitivity
      do throws(ExperimentsError) {
        let fit = try report.reportedSensitivity(metric)
        sensitivity = .fitted(
          coefficients: fit.coefficients.map { Coefficient(input: $0.input, src: $0.src) },
          rSquared: fit.rSquared, runs: fit.observations)
      } catch {
        sensitivity = .notShown(reason: error.message)
      }
      return MetricStatistics(
        metric: metric, points: analysis.summaries(metric).map(Self.summary),
        differences: analysis.pairedDifferences(metric, baseline: report.baseline).map(
          Self.summary),
        sensitivity: sensitivity)
    }
    let samples = analysis.metricNames.map { metric in
      Samples(
        metric: metric,
        values: analysis.points.map { point in
          analysis.values(metric, at: point.index).map(\.value).filter { !$0.isNaN }
        })
    }
    let failures = report.stored.filter { $0.status != "complete" }.map { record in
      FailedRun(
        point: record.key.point, replication: record.key.replication, status: record.status,
        error: record.error ?? "(no message)", replay: report.replayCommand(record))
    }
    self.init(
      scenario: definition.scenario, scenarioDigest: definition.scenarioDigest,
      design: definition.design.rawValue, seed: String(definition.seed),
      replications: definition.replications,
      factors: definition.factors.map { Factor(name: $0.name, levels: report.levelsText($0)) },
      pins: definition.pinned.map { Setting(name: $0.name, value: $0.level.text) },
      planned: progress.planned, stored: progress.stored, failed: progress.failed,
      missing: progress.missing, baseline: report.baseline, points: points,
      statistics: statistics, samples: samples, failures: failures,
      zoneNames: zones.map { ZoneName(metricWord: $0.metricWord, name: $0.name) })
  }

  static func summary(_ s: SampleSummary) -> Summary {
    Summary(
      count: s.count, mean: s.mean, sd: s.count > 1 ? s.sd : nil, low: s.interval?.low,
      high: s.interval?.high)
  }
}
