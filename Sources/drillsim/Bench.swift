import ArgumentParser
import Benchmarks
import Foundation

/// `drillsim bench`: runs a named benchmark (the same as drillsim-bench).
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a benchmark.")

  @Argument(help: "Benchmark name.")
  var name: String

  @Flag(name: .long, help: "Print JSON.")
  var json = false

  func run() throws {
    printError("drillsim: benchmarks are not wired yet")
    throw ExitStatus.invalidInput.code
  }
}
