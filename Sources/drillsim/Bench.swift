import ArgumentParser
import Benchmarks
import Foundation

/// `drillsim bench`: runs named benchmarks (the same catalog as drillsim-bench).
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run benchmarks: \(BenchmarkCatalog.full.names.joined(separator: ", ")).")

  @Argument(help: "Benchmark names.")
  var names: [String]

  @Flag(name: .long, help: "Print the results as JSON.")
  var json = false

  @Option(name: .long, help: "Runs of each benchmark.")
  var `repeat` = 1

  func run() throws {
    let catalog = BenchmarkCatalog.full
    var selected: [Benchmark] = []
    for name in names {
      guard let benchmark = catalog.benchmark(named: name) else {
        printError(
          "drillsim: unknown benchmark '\(name)' (known: \(catalog.names.joined(separator: ", ")))")
        throw ExitStatus.invalidInput.code
      }
      selected.append(benchmark)
    }
    guard `repeat` >= 1 else {
      printError("drillsim: --repeat must be at least 1")
      throw ExitStatus.invalidInput.code
    }
    var results: [BenchmarkResult] = []
    for benchmark in selected {
      for _ in 0..<`repeat` {
        for result in benchmark.run() {
          if !json { print(result.summaryLine) }
          results.append(result)
        }
      }
    }
    if json { print(try results.jsonText()) }
  }
}
