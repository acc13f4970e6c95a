/// A registry of benchmarks by name, in a fixed listing order.
///
/// Kept as an ordered array rather than a dictionary so that listings and
/// "run everything" happen in the same order in every process.
public struct BenchmarkCatalog: Sendable {
  /// The benchmarks, in listing order; names are unique.
  public private(set) var benchmarks: [Benchmark]

  /// A catalog of `benchmarks`; a later benchmark replaces an earlier one
  /// of the same name, keeping the earlier position.
  public init(_ benchmarks: [Benchmark]) {
    self.benchmarks = []
    for benchmark in benchmarks { register(benchmark) }
  }

  /// The kernel benchmarks this module ships: hold (two samplers), phold and queues.
  public static let standard = BenchmarkCatalog([
    Benchmark(
      name: "hold",
      summary: "kernel hold model: 10k pending, Swift handlers, Exp(1 s) increments (ziggurat)",
      run: { [HoldModel(events: BenchmarkSize.pick(15_000_000, short: 300_000)).run()] }),
    Benchmark(
      name: "hold-inverse",
      summary: "the hold model with inverse-transform Exp(1 s) increments (log per event)",
      run: { [HoldModel(sampler: .inverseTransform).run(name: "hold-inverse")] }),
    Benchmark(
      name: "phold",
      summary: "PHOLD: 1000 entities, 1 event each, uniform destination, Exp(1 s)",
      run: { [PholdModel(events: BenchmarkSize.pick(10_000_000, short: 300_000)).run()] }),
    Benchmark(
      name: "queues",
      summary: "queue-only hold model with every EventQueue side by side",
      run: { QueueHold.compareAll() }),
  ])

  /// The names in listing order.
  public var names: [String] { benchmarks.map(\.name) }

  /// The benchmark called `name`, if any.
  public func benchmark(named name: String) -> Benchmark? {
    benchmarks.first { $0.name == name }
  }

  /// Adds `benchmark`, replacing one of the same name in place.
  public mutating func register(_ benchmark: Benchmark) {
    if let index = benchmarks.firstIndex(where: { $0.name == benchmark.name }) {
      benchmarks[index] = benchmark
    } else {
      benchmarks.append(benchmark)
    }
  }

  /// This catalog plus `more` (for modules that add benchmarks).
  public func adding(_ more: [Benchmark]) -> BenchmarkCatalog {
    var copy = self
    for benchmark in more { copy.register(benchmark) }
    return copy
  }
}
