import Recording

/// The comparison as machine-readable text: comparison.csv beside the
/// after-action report and the `--json` document. Numbers are written in
/// their shortest exact form, so a reader recomputing a percentile from the
/// same runs gets the same number to the last bit.
extension DrillComparison {
  /// How percentiles and quantiles are defined, for every output.
  public static let percentileDefinition =
    "mid-rank percentile (below + 0.5 x equal) / n x 100; P10, median, P90 interpolate "
    + "linearly between order statistics (type 7)"

  static let csvHeader = [
    "line", "event", "zone", "metric", "observed", "n", "p10", "median", "p90", "percentile",
    "flag", "assessment", "unmatched", "note",
  ]

  /// One row per observation, in log order (anchors left out).
  public func csv() -> String {
    var out = CSVText.row(Self.csvHeader)
    for o in observations {
      out += CSVText.row([
        String(o.row.line), o.row.kind.name, o.row.subject, o.metric ?? "",
        CSVText.number(o.observed), String(o.distribution.count),
        CSVText.number(o.distribution.quantile(0.1)), CSVText.number(o.distribution.median),
        CSVText.number(o.distribution.quantile(0.9)), CSVText.number(o.percentile),
        o.flag?.rawValue ?? "", o.assessment?.rawValue ?? "", o.unmatched ?? "", o.row.note,
      ])
    }
    return out
  }

  /// The whole comparison as one JSON document.
  public func json() -> String {
    func number(_ value: Double?) -> Value { value.map { .number($0) } ?? .null }
    func text(_ value: String?) -> Value { value.map { .string($0) } ?? .null }
    let observations: [Value] = self.observations.map { o in
      .object([
        ("line", .integer(Int64(o.row.line))), ("event", .string(o.row.kind.name)),
        ("zone", .string(o.row.subject)), ("metric", text(o.metric)),
        ("observed", number(o.observed)), ("n", .integer(Int64(o.distribution.count))),
        ("p10", number(o.distribution.quantile(0.1))), ("median", number(o.distribution.median)),
        ("p90", number(o.distribution.quantile(0.9))), ("percentile", number(o.percentile)),
        ("flag", text(o.flag?.rawValue)), ("flag_text", .string(o.flagText)),
        ("assessment", text(o.assessment?.rawValue)), ("unmatched", text(o.unmatched)),
        ("note", .string(o.row.note)),
      ])
    }
    let objectives: [Value] = scorecard.map { score in
      .object([
        ("name", .string(score.name)), ("target", .string(score.target)),
        ("runs", .integer(Int64(score.runs))), ("passed", .integer(Int64(score.passed))),
        ("ratings", .object(score.ratings.map { ($0.rating, .integer(Int64($0.count))) })),
        ("median_value", number(score.medianValue)),
      ])
    }
    let document: Value = .object([
      ("log", .string(log.path)), ("source", .string(baseline.source.rawValue)),
      ("path", .string(baseline.path)), ("scenario", .string(baseline.scenario)),
      ("point", baseline.point.map { .integer(Int64($0)) } ?? .null),
      ("selection", .string(baseline.selection)),
      ("replications", .integer(Int64(baseline.replications.count))),
      ("parameters", .array(baseline.parameters.map { .string($0) })),
      (
        "thresholds",
        .object([("low", .number(thresholds.low)), ("high", .number(thresholds.high))])
      ),
      ("percentile_definition", .string(Self.percentileDefinition)),
      ("observations", .array(observations)), ("objectives", .array(objectives)),
    ])
    return JSONText.encode(document) + "\n"
  }
}
