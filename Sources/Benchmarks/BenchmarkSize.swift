import Foundation

/// Problem sizes: the full ones the recorded figures use, or short ones
/// when `DRILLSIM_BENCH_SHORT=1`.
///
/// The short sizes exist for counting instructions under valgrind
/// (scripts/bench-callgrind), where a run is about fifty times slower:
/// each benchmark then takes seconds, yet still spends most of its
/// instructions in the loop it measures.
enum BenchmarkSize {
  /// True when the environment asks for short runs.
  static let isShort = ProcessInfo.processInfo.environment["DRILLSIM_BENCH_SHORT"] == "1"

  /// `full`, or `short` in short mode.
  static func pick<T>(_ full: T, short: T) -> T { isShort ? short : full }
}
