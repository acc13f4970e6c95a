/// A named benchmark: a run closure that returns one or more results.
///
/// Benchmarks are values so that other modules can add their own (the Lua
/// M/M/c model lives above SimKernel) without this module knowing them:
/// build a catalog from `BenchmarkCatalog.standard.benchmarks + [mine]`.
public struct Benchmark: Sendable {
  /// The name used on the command line (`drillsim-bench hold`).
  public let name: String
  /// One line saying what the benchmark measures.
  public let summary: String
  /// Runs the benchmark once; several results when it compares variants.
  public let run: @Sendable () -> [BenchmarkResult]

  public init(
    name: String, summary: String, run: @escaping @Sendable () -> [BenchmarkResult]
  ) {
    self.name = name
    self.summary = summary
    self.run = run
  }
}
