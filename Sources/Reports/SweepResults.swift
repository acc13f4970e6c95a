/// A sweep's results as plain values: what the sweep report shows.
///
/// Reports imports Recording only, not Experiments, so the sweep's store
/// and its statistics (means, Student-t intervals, paired differences,
/// regression coefficients) are computed there and handed over here as
/// numbers and text. What is computed here is only what the document adds:
/// quantiles, box plots and the clearance matrix, all from `samples`.
public struct SweepResults: Sendable {
  /// A design point and the parameter values that make it.
  public struct Point: Sendable, Equatable {
    public let index: Int
    /// (parameter, value as `--param` text), in factor order.
    public let settings: [Setting]

    public init(index: Int, settings: [Setting]) {
      self.index = index
      self.settings = settings
    }

    /// "compliance=0.6 delay=30", or "defaults" for a point with no factor.
    public var label: String {
      settings.isEmpty
        ? "defaults" : settings.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }
  }

  /// A parameter name and its value as text.
  public struct Setting: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// A varied parameter and, in words, the values it takes.
  public struct Factor: Sendable, Equatable {
    public let name: String
    public let levels: String

    public init(name: String, levels: String) {
      self.name = name
      self.levels = levels
    }
  }

  /// Count, mean, sd and confidence interval of a sample (one point's
  /// replications, or paired differences against the baseline).
  public struct Summary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// nil with fewer than two values.
    public let sd: Double?
    public let low: Double?
    public let high: Double?

    public init(count: Int, mean: Double, sd: Double?, low: Double?, high: Double?) {
      self.count = count
      self.mean = mean
      self.sd = sd
      self.low = low
      self.high = high
    }
  }

  /// One metric's values at every point, by replication.
  public struct Samples: Sendable, Equatable {
    public let metric: String
    /// `values[p]`: the completed replications of point p that reported
    /// the metric, in replication order.
    public let values: [[Double]]

    public init(metric: String, values: [[Double]]) {
      self.metric = metric
      self.values = values
    }
  }

  /// A key metric's statistics at every point.
  public struct MetricStatistics: Sendable, Equatable {
    public let metric: String
    /// One per point, in point order.
    public let points: [Summary]
    /// Paired differences against the baseline point, one per point.
    public let differences: [Summary]
    public let sensitivity: Sensitivity

    public init(
      metric: String, points: [Summary], differences: [Summary], sensitivity: Sensitivity
    ) {
      self.metric = metric
      self.points = points
      self.differences = differences
      self.sensitivity = sensitivity
    }
  }

  /// Standardised regression coefficients of a metric, or why there are none.
  public enum Sensitivity: Sendable, Equatable {
    case fitted(coefficients: [Coefficient], rSquared: Double, runs: Int)
    case notShown(reason: String)
  }

  /// One input's standardised regression coefficient.
  public struct Coefficient: Sendable, Equatable {
    public let input: String
    public let src: Double

    public init(input: String, src: Double) {
      self.input = input
      self.src = src
    }
  }

  /// A zone's metric word (as in `evacuation.<zone>.t90_s`) and its name on the map.
  public struct ZoneName: Sendable, Equatable {
    public let metricWord: String
    public let name: String

    public init(metricWord: String, name: String) {
      self.metricWord = metricWord
      self.name = name
    }
  }

  /// A stored run that did not complete.
  public struct FailedRun: Sendable, Equatable {
    public let point: Int
    public let replication: Int
    public let status: String
    public let error: String
    /// The `drillsim run` command line that runs it again alone.
    public let replay: String

    public init(point: Int, replication: Int, status: String, error: String, replay: String) {
      self.point = point
      self.replication = replication
      self.status = status
      self.error = error
      self.replay = replay
    }
  }

  public var scenario: String
  public var scenarioDigest: String
  public var design: String
  public var seed: String
  public var replications: Int
  public var factors: [Factor]
  public var pins: [Setting]
  public var planned: Int
  public var stored: Int
  public var failed: Int
  public var missing: Int
  /// The point paired differences are taken against.
  public var baseline: Int
  public var points: [Point]
  /// The metrics of the per point table, distributions, paired
  /// differences and tornado charts, in display order.
  public var statistics: [MetricStatistics]
  /// Every metric's samples, sorted by name (the key metrics and the
  /// per-zone clearance times among them).
  public var samples: [Samples]
  public var failures: [FailedRun]
  /// Names of the zones in the metric names, when the sweep kept them.
  public var zoneNames: [ZoneName]

  public init(
    scenario: String, scenarioDigest: String, design: String, seed: String, replications: Int,
    factors: [Factor], pins: [Setting], planned: Int, stored: Int, failed: Int, missing: Int,
    baseline: Int, points: [Point], statistics: [MetricStatistics], samples: [Samples],
    failures: [FailedRun], zoneNames: [ZoneName] = []
  ) {
    self.scenario = scenario
    self.scenarioDigest = scenarioDigest
    self.design = design
    self.seed = seed
    self.replications = replications
    self.factors = factors
    self.pins = pins
    self.planned = planned
    self.stored = stored
    self.failed = failed
    self.missing = missing
    self.baseline = baseline
    self.points = points
    self.statistics = statistics
    self.samples = samples.sorted { $0.metric < $1.metric }
    self.failures = failures.sorted { ($0.point, $0.replication) < ($1.point, $1.replication) }
    self.zoneNames = zoneNames.sorted { ($0.metricWord, $0.name) < ($1.metricWord, $1.name) }
  }

  /// The map's name of the zone with metric word `zone`, if known and not the word itself.
  public func zoneName(_ zone: String) -> String? {
    zoneNames.first { $0.metricWord == zone && $0.name != zone }?.name
  }

  /// The samples of `metric`, if any run reported it.
  public func samples(_ metric: String) -> Samples? {
    samples.first { $0.metric == metric }
  }
}
