/// Sequential replications: keep adding replications to a point until the
/// confidence interval of one metric is narrow enough, or a cap is reached.
///
/// The decision after each round depends only on stored results, which
/// depend only on the definition, so a resumed or repeated sweep adds the
/// same replications in the same order.
public struct PrecisionTarget: Sendable, Equatable {
  public let metric: String
  /// The 95 % half-width to reach.
  public let halfWidth: Double
  /// Replications per point never go beyond this.
  public let maxReplications: Int

  public init(metric: String, halfWidth: Double, maxReplications: Int) throws(ExperimentsError) {
    guard !metric.isEmpty, halfWidth > 0, halfWidth.isFinite else {
      throw ExperimentsError("--precision", "expected metric:halfwidth with a positive half-width")
    }
    guard maxReplications >= 2 else {
      throw ExperimentsError("--max-replications", "must be at least 2")
    }
    self.metric = metric
    self.halfWidth = halfWidth
    self.maxReplications = maxReplications
  }

  /// Parses "metric:halfwidth" (the metric name may not contain ':').
  public init(parsing text: String, maxReplications: Int) throws(ExperimentsError) {
    guard let colon = text.lastIndex(of: ":"), let width = Double(text[text.index(after: colon)...])
    else {
      throw ExperimentsError("--precision", "expected metric:halfwidth, got '\(text)'")
    }
    try self.init(
      metric: String(text[..<colon]), halfWidth: width, maxReplications: maxReplications)
  }

  /// The runs of the next round; empty when every point is done.
  ///
  /// For each point whose interval is still too wide: the replications
  /// after its last stored one, as many as the current spread says it needs
  /// (n (h / target)^2), at most doubling its count per round and never
  /// past the cap.
  public func nextRound(_ analysis: SweepAnalysis, stored: [RunKey]) -> [RunKey] {
    var keys: [RunKey] = []
    let summaries = analysis.summaries(metric)
    for point in analysis.points {
      let replications = stored.filter { $0.point == point.index }.map(\.replication)
      let n = (replications.max() ?? -1) + 1
      guard n >= 2, n < maxReplications, let width = summaries[point.index].halfWidth,
        width > halfWidth
      else { continue }
      let ratio = width / halfWidth
      let needed = Int((Double(n) * ratio * ratio).rounded(.up))
      let target = min(maxReplications, 2 * n, max(n + 1, needed))
      keys += (n..<target).map { RunKey(point: point.index, replication: $0) }
    }
    return keys
  }
}
