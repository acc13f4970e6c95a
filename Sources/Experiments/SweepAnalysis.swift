/// The statistics of a stored sweep: per point summaries of each metric,
/// paired differences against a baseline point, and sensitivities.
///
/// Built from the definition (which gives every point's levels) and the
/// stored records; only completed runs count.
public struct SweepAnalysis: Sendable {
  public let definition: SweepDefinition
  public let points: [DesignPoint]
  /// Completed runs, sorted by key.
  public let records: [RunRecord]
  /// Every metric some completed run reported, sorted.
  public let metricNames: [String]

  public init(definition: SweepDefinition, records: [RunRecord]) {
    self.definition = definition
    points = definition.points()
    self.records = records.filter { $0.status == "complete" }.sorted { $0.key < $1.key }
    metricNames = Array(Set(self.records.flatMap { $0.metrics.map(\.name) })).sorted()
  }

  /// The values of `metric` at `point`, by replication (NaN where a run
  /// did not report it).
  public func values(_ metric: String, at point: Int) -> [(replication: Int, value: Double)] {
    records.filter { $0.key.point == point }.map {
      ($0.key.replication, $0.metric(metric) ?? .nan)
    }
  }

  /// Mean, sd and confidence interval of `metric` at each point.
  public func summaries(_ metric: String, confidence: Double = 0.95) -> [SampleSummary] {
    points.map { SampleSummary(values(metric, at: $0.index).map(\.value), confidence: confidence) }
  }

  /// Paired differences of `metric` between each point and `baseline`.
  ///
  /// Replication by replication (common random numbers make them pairs);
  /// only the replications both points completed count. The baseline's own
  /// entry is all zeros.
  public func pairedDifferences(_ metric: String, baseline: Int, confidence: Double = 0.95)
    -> [SampleSummary]
  {
    var base: [Int: Double] = [:]
    for (replication, value) in values(metric, at: baseline) { base[replication] = value }
    return points.map { point in
      let differences = values(metric, at: point.index).compactMap { replication, value in
        base[replication].map { value - $0 }
      }
      return SampleSummary(differences, confidence: confidence)
    }
  }

  /// The factors a regression can use: those with numeric levels.
  public var numericFactors: [Factor] {
    definition.factors.filter { factor in
      points.allSatisfy { point in
        point.settings.first { $0.name == factor.name }?.level.numeric != nil
      }
    }
  }

  /// Standardised regression coefficients of `metric` on the numeric
  /// factors, one observation per completed run.
  public func sensitivity(_ metric: String) throws(ExperimentsError) -> Sensitivity {
    let factors = numericFactors
    guard !factors.isEmpty else {
      throw ExperimentsError("sensitivity", "no numeric parameter varies")
    }
    var inputs: [[Double]] = []
    var output: [Double] = []
    for record in records {
      let settings = points[record.key.point].settings
      inputs.append(
        factors.map { factor in
          settings.first { $0.name == factor.name }?.level.numeric ?? .nan
        })
      output.append(record.metric(metric) ?? .nan)
    }
    do {
      return try Sensitivity(names: factors.map(\.name), inputs: inputs, output: output)
    } catch {
      throw ExperimentsError("sensitivity of \(metric)", error.message)
    }
  }
}
